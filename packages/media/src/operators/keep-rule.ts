/** The filter flags of Data-Juicer's keep rule, as recipes spell them. */
export interface RangeFlags {
  min_closed_interval?: boolean;
  max_closed_interval?: boolean;
  reversed_range?: boolean;
}

/** Compares a stat value with a bound: negative, zero or positive, like `a - b`. */
export type Compare<B> = (value: number, bound: B) => number;

/**
 * Data-Juicer's `get_keep_boolean(val, min, max)` with the op's closed-interval flags. With `reversed_range` the
 * closed flags are inverted and the result negated, so with default flags a value is kept iff
 * `val <= min or val >= max`. A null bound is unbounded. `compare` lets bounds be exact fractions (aspect ratios)
 * instead of floats; without it the test compares numbers directly (the text filters call it for every sample).
 */
export function makeRangeTest<B = number>(
  min: B | null | undefined,
  max: B | null | undefined,
  flags: RangeFlags,
  compare?: Compare<B>,
): (value: number) => boolean {
  const reversed = flags.reversed_range === true;
  const minClosed = (flags.min_closed_interval !== false) !== reversed;
  const maxClosed = (flags.max_closed_interval !== false) !== reversed;
  const lo = min ?? null;
  const hi = max ?? null;
  if (compare === undefined) {
    const loN = lo as number | null;
    const hiN = hi as number | null;
    return (value) => {
      const keep =
        (loN === null || (minClosed ? value >= loN : value > loN)) &&
        (hiN === null || (maxClosed ? value <= hiN : value < hiN));
      return reversed ? !keep : keep;
    };
  }
  return (value) => {
    const keep =
      (lo === null || (minClosed ? compare(value, lo) >= 0 : compare(value, lo) > 0)) &&
      (hi === null || (maxClosed ? compare(value, hi) <= 0 : compare(value, hi) < 0));
    return reversed ? !keep : keep;
  };
}

/** Data-Juicer's any/all strategy over per-file keep decisions; a sample without files is kept. */
export function keepByStrategy(decisions: readonly boolean[], strategy: 'any' | 'all'): boolean {
  if (decisions.length === 0) return true;
  return strategy === 'any' ? decisions.some(Boolean) : decisions.every(Boolean);
}
