import { MT19937 } from '@dj-sandbox/numpy-random';

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
    if (max === 0) return 0;
    let mask = max;
    mask |= mask >>> 1;
    mask |= mask >>> 2;
    mask |= mask >>> 4;
    mask |= mask >>> 8;
    mask |= mask >>> 16;
    let value: number;
    do value = (this.#mt.nextUint32() & mask) >>> 0;
    while (value > max);
    return value;
  }

  /** `np.random.choice(n, m, replace=False)`. */
  choiceWithoutReplacement(n: number, m: number): number[] {
    const perm = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = this.interval(i);
      [perm[i], perm[j]] = [perm[j]!, perm[i]!];
    }
    return perm.slice(0, m);
  }
}
