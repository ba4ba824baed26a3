import type { HyperbandConfig } from '../sweep/sweep-types.ts';

/** The metric values one trial reported, in order; the n-th report is "iteration" n. */
export interface TrialHistory {
  index: number;
  running: boolean;
  history: readonly number[];
}

/** Why hyperband stopped a trial. */
export interface HyperbandStop {
  index: number;
  band: number;
  /** The trial's value compared (its best so far, or its value at the band when `strict`). */
  value: number;
  threshold: number;
}

/**
 * W&B's hyperband stopping rule (wandb/sweeps `hyperband_stop_runs`), exactly:
 * - every trial (running or not) with a history contributes its value at each band `b` it reached (`history[b-1]`,
 *   negated for `maximize` so that lower is better);
 * - a band's threshold is `sorted(values)[floor(len / eta)]`, i.e. trials must be in the top `1/eta` there;
 * - a running trial is judged at the highest band its history reached: it stops when its best value so far
 *   (`strict: true`: its value at the band) is worse than that band's threshold.
 */
export function hyperbandStops(
  trials: readonly TrialHistory[],
  config: Pick<HyperbandConfig, 'bands' | 'eta' | 'strict'>,
  goal: 'minimize' | 'maximize',
): HyperbandStop[] {
  const sign = goal === 'maximize' ? -1 : 1;
  const histories = trials.map((t) => ({ ...t, h: t.history.filter(Number.isFinite).map((v) => sign * v) }));
  const r = 1 / config.eta;
  const thresholds = config.bands.map((band) => {
    const values = histories.filter((t) => t.h.length >= band).map((t) => t.h[band - 1]!);
    if (values.length === 0) return Number.POSITIVE_INFINITY;
    return [...values].sort((a, b) => a - b)[Math.floor(r * values.length)]!;
  });
  const stops: HyperbandStop[] = [];
  for (const t of histories) {
    if (!t.running) continue;
    let at = -1;
    for (let i = 0; i < config.bands.length && config.bands[i]! <= t.h.length; i++) at = i;
    if (at < 0) continue;
    const band = config.bands[at]!;
    const value = config.strict ? t.h[band - 1]! : Math.min(...t.h);
    if (value > thresholds[at]!)
      stops.push({ index: t.index, band, value: sign * value, threshold: sign * thresholds[at]! });
  }
  return stops;
}
