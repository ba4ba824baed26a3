import { describe, expect, it } from 'vitest';
import { deepEqual, expandDottedKeys, flattenLeaves, nestedQuery } from './config-tree.ts';
import { iterPath } from './iter-path.ts';

describe('config trees', () => {
  it('expands a dotted key into nested mappings, also inside lists', () => {
    expect(expandDottedKeys({ 'a.b': 1, c: [{ 'd.e': 2 }] })).toEqual({ a: { b: 1 }, c: [{ d: { e: 2 } }] });
  });

  it('merges a dotted key into an existing mapping leaf by leaf', () => {
    expect(expandDottedKeys({ a: { x: 1 }, 'a.y': 2 })).toEqual({ a: { x: 1, y: 2 } });
  });

  it('yields flattened leaves and treats lists as leaves', () => {
    expect([...flattenLeaves({ a: { b: 1, c: { d: [1, 2] } }, e: null })]).toEqual([
      ['a.b', 1],
      ['a.c.d', [1, 2]],
      ['e', null],
    ]);
  });

  it('looks up the longest dotted key first, like nested_query', () => {
    const tree = { 'a.b': { c: 1 }, a: { b: { c: 2 } } };
    expect(nestedQuery(tree, 'a.b.c')).toBe(1);
    expect(nestedQuery({ a: { b: { c: 2 } } }, 'a.b.c')).toBe(2);
    expect(nestedQuery({ a: { b: null } }, 'a.b')).toBeNull();
    expect(nestedQuery({ a: {} }, 'a.b')).toBeUndefined();
  });

  it('compares JSON-like values structurally', () => {
    expect(deepEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toBe(true);
    expect(deepEqual({ a: 1 }, { a: 1, b: undefined })).toBe(false);
  });
});

describe('iterPath', () => {
  it.each([
    ['./outputs/demo-process/demo-processed.jsonl', 1, './outputs/demo-process/iter_1/demo-processed.jsonl'],
    ['./outputs/demo-bench/', 1, './outputs/demo-bench/iter_1'],
    ['./outputs/x', 3, './outputs/x/iter_3'],
    ['data.jsonl', 2, 'iter_2/data.jsonl'],
    ['./outputs/v1.0', 1, './outputs/iter_1/v1.0'],
    ['./out/.hidden', 1, './out/.hidden/iter_1'],
    ['/abs/merged/new_prompts.jsonl', 2, '/abs/merged/iter_2/new_prompts.jsonl'],
  ])('rewrites %s for iteration %i to %s', (input, n, expected) => {
    expect(iterPath(input, n)).toBe(expected);
  });
});
