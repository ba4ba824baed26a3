/** The filter flags of Data-Juicer's keep rule, as recipes spell them. */
export interface RangeFlags {
  min_closed_interval?: boolean;
  max_closed_interval?: boolean;
  reversed_range?: boolean;
}

/** Compares a stat value with a bound: negative, zero or positive, like `a - b`. */
export type Compare<B> = (value: number, bound: B) => number;

const numeric: Compare<number> = (a, b) => a - b;

/**
 * Data-Juicer's `get_keep_boolean(val, min, max)` with the op's closed-interval flags. With `reversed_range` the
 * closed flags are inverted and the result negated. A null bound is unbounded. `compare` lets bounds be exact
 * fractions (aspect ratios) instead of floats.
 */
export function makeRangeTest<B = number>(
  min: B | null | undefined,
  max: B | null | undefined,
  flags: RangeFlags,
  compare: Compare<B> = numeric as unknown as Compare<B>,
): (value: number) => boolean {
  const reversed = flags.reversed_range === true;
  let minClosed = flags.min_closed_interval !== false;
  let maxClosed = flags.max_closed_interval !== false;
  if (reversed) {
    minClosed = !minClosed;
    maxClosed = !maxClosed;
  }
  return (value) => {
    const lo =
      min === null || min === undefined ? true : minClosed ? compare(value, min) >= 0 : compare(value, min) > 0;
    const hi =
      max === null || max === undefined ? true : maxClosed ? compare(value, max) <= 0 : compare(value, max) < 0;
    const keep = lo && hi;
    return reversed ? !keep : keep;
  };
}

/** Data-Juicer's any/all strategy over per-file keep decisions; a sample without files is kept. */
export function keepByStrategy(decisions: readonly boolean[], strategy: 'any' | 'all'): boolean {
  if (decisions.length === 0) return true;
  return strategy === 'any' ? decisions.some(Boolean) : decisions.every(Boolean);
}
