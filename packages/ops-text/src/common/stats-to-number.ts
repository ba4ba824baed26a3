import { MAXSIZE, pyFloat } from './python-numbers.ts';

/**
 * Data-Juicer's `stats_to_number(value, reverse)`: a string through `float()`, a number as is, a (nested) list by its
 * mean; null, `[]` or anything unusable becomes `-MAXSIZE` (reverse) or `+MAXSIZE`, so it sorts last.
 */
export function statsToNumber(value: unknown, reverse = true): number {
  const fallback = reverse ? -MAXSIZE : MAXSIZE;
  if (typeof value === 'string') return pyFloat(value) ?? fallback;
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (Array.isArray(value)) {
    if (value.length === 0) return fallback;
    const flat = value.flat(Number.POSITIVE_INFINITY) as unknown[];
    let sum = 0;
    for (const v of flat) {
      if (typeof v === 'number') sum += v;
      else if (typeof v === 'boolean') sum += v ? 1 : 0;
      else return fallback;
    }
    return flat.length === 0 ? fallback : sum / flat.length;
  }
  return fallback;
}
