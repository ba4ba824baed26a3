import { MT19937, maskedInterval32, shuffledRange } from '@dj-sandbox/numpy-random';

/**
 * The part of numpy's legacy `RandomState` the kernel distances use: after `np.random.seed(seed)`,
 * `np.random.choice(n, m, replace=False)` is `permutation(n)[:m]`, a Fisher–Yates shuffle from the end whose
 * bounded draws are masked 32-bit rejections.
 */
export class LegacyRandomState {
  readonly #mt: MT19937;

  constructor(seed: number) {
    this.#mt = new MT19937(seed);
  }

  /** A uniform integer in `[0, max]`: numpy's `random_interval` (mask, then reject). */
  interval(max: number): number {
    return maskedInterval32(max, () => this.#mt.nextUint32());
  }

  /** `np.random.choice(n, m, replace=False)`. */
  choiceWithoutReplacement(n: number, m: number): number[] {
    return Array.from(shuffledRange(n, (max) => this.interval(max)).subarray(0, m));
  }
}
