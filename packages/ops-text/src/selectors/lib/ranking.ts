import { jobError } from '@dj-sandbox/core';

/** A row as selectors receive it: the sample's index and the values of the selector's fields. */
export interface SelectorRow {
  index: number;
  values: unknown[];
}

type Key = number | string;

/**
 * Sort keys for a column of raw values, as Python compares them: all numbers (booleans count as numbers) or all
 * strings; a mix cannot be ordered (Python raises TypeError).
 */
export function rawSortKeys(values: readonly unknown[], op: string, field: string): Key[] {
  const numeric = values.every((v) => typeof v === 'number' || typeof v === 'boolean');
  if (numeric) return values.map((v) => Number(v));
  if (values.every((v) => typeof v === 'string')) return values as string[];
  const bad = values.find((v) => typeof v !== 'number' && typeof v !== 'boolean' && typeof v !== 'string');
  throw jobError('op-unorderable-field', `${op}: the values of '${field}' cannot be ordered`, {
    plugin: 'ops-text',
    path: `${op}.field_key`,
    expected: 'a field holding only numbers or only strings (use a dotted stats key for lists)',
    received: JSON.stringify(bad)?.slice(0, 80) ?? String(bad),
    fix: `point field_key at a numeric field, e.g. '__dj__stats__.<stat>'`,
  });
}

const compare = (a: Key, b: Key): number => (a < b ? -1 : a > b ? 1 : 0);

/** Positions of the `n` smallest keys in ascending order, ties in position order (Python `heapq.nsmallest`). */
export function nSmallest(positions: readonly number[], keys: readonly Key[], n: number): number[] {
  return [...positions].sort((a, b) => compare(keys[a]!, keys[b]!)).slice(0, Math.max(0, n));
}

/** Positions of the `n` largest keys in descending order, ties in position order (Python `heapq.nlargest`). */
export function nLargest(positions: readonly number[], keys: readonly Key[], n: number): number[] {
  return [...positions].sort((a, b) => compare(keys[b]!, keys[a]!)).slice(0, Math.max(0, n));
}
