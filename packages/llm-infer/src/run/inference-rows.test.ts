import { join } from 'node:path';
import { testdir } from '@dj-sandbox/test-utils';
import { describe, expect, it } from 'vitest';
import { basenameNoExt, readInferenceRows } from './inference-rows.ts';

const caller = { plugin: 'executor-test', kind: 'test' };

describe('readInferenceRows', () => {
  it('reads one object per line', async () => {
    const dir = testdir({ 'in.jsonl': '{"query":"a"}\n{"query":"b"}\n' });
    expect(await readInferenceRows(join(dir, 'in.jsonl'), caller)).toEqual([{ query: 'a' }, { query: 'b' }]);
  });

  it('names the file and line of a line that is not an object, as the caller', async () => {
    const dir = testdir({ 'in.jsonl': '{"query":"a"}\n\n' });
    const file = join(dir, 'in.jsonl');
    await expect(readInferenceRows(file, caller)).rejects.toMatchObject({
      code: 'test-dataset-line',
      data: { plugin: 'executor-test', path: 'extra_configs.dataset_path', location: { file, line: 2 } },
    });
  });
});

describe('basenameNoExt', () => {
  it("drops the folder and the last extension only, as Python's splitext", () => {
    expect(basenameNoExt('data/set.v1.jsonl')).toBe('set.v1');
    expect(basenameNoExt('data/plain')).toBe('plain');
  });
});
