import { describe, expect, it } from 'vitest';
import { pythonFloat, pythonStr, readKey } from './python-values.ts';

describe('Python value semantics', () => {
  it('parses what Python float() parses', () => {
    expect([' 0.85 ', '1_000.5', '-1e-3', '.5', '5.', '+inf', 'NaN', true, 3].map(pythonFloat)).toEqual([
      0.85,
      1000.5,
      -0.001,
      0.5,
      5,
      Number.POSITIVE_INFINITY,
      Number.NaN,
      1,
      3,
    ]);
  });

  it('rejects what Python float() rejects, and null', () => {
    expect(['N/A', '', '1__0', '_1', '0x10', 'Score: 0.4', null, undefined, [1], { a: 1 }].map(pythonFloat)).toEqual(
      Array(10).fill(undefined),
    );
  });

  it('prints values as Python str() does', () => {
    expect([null, undefined, true, 1, 0.5, 1e-7, 'a', [1, 'x', null], { k: false }].map(pythonStr)).toEqual([
      'None',
      'None',
      'True',
      '1',
      '0.5',
      '1e-07',
      'a',
      "[1, 'x', None]",
      "{'k': False}",
    ]);
  });

  it('reads dotted keys into nested fields, preferring a literal dotted key', () => {
    expect(readKey({ meta: { label: 1 } }, 'meta.label')).toBe(1);
    expect(readKey({ 'meta.label': 2, meta: { label: 1 } }, 'meta.label')).toBe(2);
    expect(readKey({ meta: {} }, 'meta.label')).toBeUndefined();
  });
});
