/** The filter flags of Data-Juicer's keep rule (spec/dj-core.md §3.3), as recipes spell them. */
export interface RangeFlags {
  min_closed_interval?: boolean;
  max_closed_interval?: boolean;
  reversed_range?: boolean;
}

/** A keep test over one stat value. */
export type RangeTest = (value: number) => boolean;

/**
 * Data-Juicer's `get_keep_boolean(val, min, max)` with the op's closed-interval flags. With `reversed_range` the
 * closed flags are inverted and the result negated, so with default flags a value is kept iff
 * `val <= min or val >= max`. A null bound is unbounded.
 */
export function makeRangeTest(
  min: number | null | undefined,
  max: number | null | undefined,
  flags: RangeFlags,
): RangeTest {
  const reversed = flags.reversed_range === true;
  let minClosed = flags.min_closed_interval !== false;
  let maxClosed = flags.max_closed_interval !== false;
  if (reversed) {
    minClosed = !minClosed;
    maxClosed = !maxClosed;
  }
  const lo = min ?? null;
  const hi = max ?? null;
  return (value) => {
    const loOk = lo === null || (minClosed ? value >= lo : value > lo);
    const hiOk = hi === null || (maxClosed ? value <= hi : value < hi);
    const keep = loOk && hiOk;
    return reversed ? !keep : keep;
  };
}
