import { pyJoin } from '@dj-sandbox/core';
import { describe, expect, it } from 'vitest';
import { addSuffixToFilename, basenameNoext, lcp } from './names.ts';
import { sampleIdentity } from './sample-identity.ts';

describe('shared helpers', () => {
  it('basename_noext removes only the last extension', () => {
    expect(basenameNoext('./a/data.v1.jsonl')).toBe('data.v1');
    expect(basenameNoext('pools/c4.jsonl')).toBe('c4');
    expect(basenameNoext('pools/dir/')).toBe('dir');
    expect(basenameNoext('.hidden')).toBe('.hidden');
  });

  it('lcp is the common prefix of the basenames without extension', () => {
    expect(lcp(['x/pool_top_1.jsonl', 'y/pool_top_2.jsonl'])).toBe('pool_top_');
    expect(lcp(['only.jsonl'])).toBe('only');
    expect(lcp([])).toBe('');
    expect(lcp(['a.jsonl', 'b.jsonl'])).toBe('');
  });

  it('add_suffix_to_filename keeps dots of the basename and inserts before a data extension', () => {
    expect(addSuffixToFilename('data.v1', '_x2.jsonl')).toBe('data.v1_x2.jsonl');
    expect(addSuffixToFilename('data.jsonl', '_x2')).toBe('data_x2.jsonl');
    expect(addSuffixToFilename('data.jsonl.gz', '_x2')).toBe('data_x2.jsonl.gz');
  });

  it('joins paths as Python does, keeping ./ prefixes', () => {
    expect(pyJoin('./out', 'a.jsonl')).toBe('./out/a.jsonl');
    expect(pyJoin('./out/', 'k', 'a.jsonl')).toBe('./out/k/a.jsonl');
  });

  it('identifies samples by content: key order, 1 vs 1.0 and null fields do not matter', () => {
    expect(sampleIdentity('{"a":1,"b":{"y":2,"x":[1,2]}}')).toBe(
      sampleIdentity('{"b":{"x":[1,2],"y":2.0},"a":1.0,"c":null}'),
    );
    expect(sampleIdentity('{"a":1}')).not.toBe(sampleIdentity('{"a":"1"}'));
  });
});
