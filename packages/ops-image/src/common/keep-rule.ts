/** The filter flags of Data-Juicer's keep rule, as recipes spell them. */
export interface RangeFlags {
  min_closed_interval?: boolean;
  max_closed_interval?: boolean;
  reversed_range?: boolean;
}

/**
 * Data-Juicer's `Filter.get_keep_boolean(val, min, max)`: closed bounds by default; `reversed_range` inverts the
 * closed flags and negates the result. A null bound is unbounded.
 */
export function makeRangeTest(min: number | null, max: number | null, flags: RangeFlags): (value: number) => boolean {
  const reversed = flags.reversed_range === true;
  const minClosed = (flags.min_closed_interval !== false) !== reversed;
  const maxClosed = (flags.max_closed_interval !== false) !== reversed;
  return (value) => {
    const loOk = min === null || (minClosed ? value >= min : value > min);
    const hiOk = max === null || (maxClosed ? value <= max : value < max);
    return reversed ? !(loOk && hiOk) : loOk && hiOk;
  };
}

/** Data-Juicer's per-sample decision over per-image booleans: no image keeps the sample; else any or all. */
export function keepByStrategy(bools: readonly boolean[], strategy: 'any' | 'all'): boolean {
  if (bools.length === 0) return true;
  return strategy === 'any' ? bools.some(Boolean) : bools.every(Boolean);
}
