/**
 * numpy's `random_interval(max)` for `max` below 2^32: a uniform integer in `[0, max]` by masking 32-bit draws to
 * the smallest covering power of two and rejecting values above `max`. Both `Generator.shuffle` (PCG64) and the
 * legacy `RandomState.permutation` (MT19937) draw this way.
 */
export function maskedInterval32(max: number, next32: () => number): number {
  if (max === 0) return 0;
  let mask = max;
  mask |= mask >>> 1;
  mask |= mask >>> 2;
  mask |= mask >>> 4;
  mask |= mask >>> 8;
  mask |= mask >>> 16;
  let value: number;
  do value = (next32() & mask) >>> 0;
  while (value > max);
  return value;
}

/**
 * numpy's in-place shuffle of `0..n-1`: Fisher–Yates from the end, each swap partner drawn by `interval(i)` (a
 * uniform integer in `[0, i]`). With PCG64 draws it is `default_rng(seed).permutation(n)`, with MT19937 draws
 * `RandomState(seed).permutation(n)`.
 */
export function shuffledRange(n: number, interval: (max: number) => number): Uint32Array {
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  for (let i = n - 1; i >= 1; i--) {
    const j = interval(i);
    const t = out[i]!;
    out[i] = out[j]!;
    out[j] = t;
  }
  return out;
}
