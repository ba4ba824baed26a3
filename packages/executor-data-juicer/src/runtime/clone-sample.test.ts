import { describe, expect, it } from 'vitest';
import { cloneSample } from './clone-sample.ts';

describe('cloneSample', () => {
  it('copies nested JSON data, typed arrays and "__proto__" fields so that edits to the copy leave the original', () => {
    const original = JSON.parse('{"text": "a", "meta": {"tags": ["x", {"y": 1}]}, "__proto__": {"p": true}}');
    original.hash = new Uint32Array([1, 2, 3]);
    const copy = cloneSample(original);
    expect(copy).toEqual(original);
    expect(Object.keys(copy)).toEqual(['text', 'meta', '__proto__', 'hash']);
    copy.meta.tags[1].y = 2;
    copy.hash[0] = 9;
    Object.getOwnPropertyDescriptor(copy, '__proto__')!.value.p = false;
    expect(original.meta.tags[1].y).toBe(1);
    expect(original.hash[0]).toBe(1);
    expect(Object.getOwnPropertyDescriptor(original, '__proto__')!.value.p).toBe(true);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
  });
});
