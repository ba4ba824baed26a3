import type { TrackedMetric } from '@dj-sandbox/core';

/**
 * The numeric leaves of one tracked value, by key: the tracker's flattened key itself for a number (or a numeric
 * string), and `<key>.<i>` for the numbers of a list (the tracker keeps lists whole; a multi-output evaluator
 * result such as `[0.81]` is tracked as a list, so `eval_data.0` addresses its first value).
 */
export function numericLeaves(key: string, value: unknown): Array<[string, number]> {
  const asNumber = (v: unknown): number | undefined => {
    if (typeof v === 'number' && Number.isFinite(v)) return v;
    if (typeof v === 'boolean') return v ? 1 : 0;
    if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
    return undefined;
  };
  const n = asNumber(value);
  if (n !== undefined) return [[key, n]];
  if (!Array.isArray(value)) return [];
  const out: Array<[string, number]> = [];
  value.forEach((v, i) => {
    const x = asNumber(v);
    if (x !== undefined) out.push([`${key}.${i}`, x]);
  });
  return out;
}

/** The last numeric value of every key in a tracker history (see {@link numericLeaves}). */
export function lastNumericValues(history: readonly TrackedMetric[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of history) for (const [k, v] of numericLeaves(m.key, m.value)) out[k] = v;
  return out;
}
