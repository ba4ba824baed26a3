/**
 * numpy's `default_rng(seed).permutation(n)`, bit for bit: SeedSequence → PCG64 (XSL-RR 128/64) → Generator.shuffle
 * (Fisher–Yates from the end; each draw is `random_interval`: masked rejection on buffered 32-bit outputs).
 * Data-Juicer's `random_sample` takes the first n rows of this order (docs/data-engines.md).
 */

import { shuffledRange } from './interval.ts';
import { Pcg64 } from './pcg64.ts';

/** `numpy.random.default_rng(seed).permutation(n)`, for n below 2^32. */
export function numpyPermutation(n: number, seed = 42): Uint32Array {
  const rng = new Pcg64(seed);
  return shuffledRange(n, (max) => rng.interval(max));
}
