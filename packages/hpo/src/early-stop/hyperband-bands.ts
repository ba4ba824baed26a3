/**
 * W&B's hyperband bands (wandb/sweeps `hyperband_stopping.py`):
 * - with `max_iter`: divide `max_iter` by `eta` up to `s` times, keeping `floor` of each quotient while it is
 *   >= 1, then sort (max_iter 27, eta 3, s 2 → [3, 9]);
 * - with `min_iter`: `min_iter`, `min_iter·eta`, `min_iter·eta²`, ... (floored; W&B makes 100 of them, we stop
 *   once they pass 2^31, which no trial reaches).
 * `max_iter` wins when both are given, as in W&B.
 */
export function hyperbandBands(options: { min_iter?: number; max_iter?: number; s: number; eta: number }): number[] {
  const { eta } = options;
  const bands: number[] = [];
  if (options.max_iter !== undefined) {
    let band = options.max_iter;
    for (let i = 0; i < options.s; i++) {
      band /= eta;
      if (band < 1) break;
      bands.push(Math.floor(band));
    }
    return bands.sort((a, b) => a - b);
  }
  if (options.min_iter !== undefined) {
    let band = options.min_iter;
    for (let i = 0; i < 100 && band < 2 ** 31; i++) {
      bands.push(Math.floor(band));
      band *= eta;
    }
  }
  return bands;
}
