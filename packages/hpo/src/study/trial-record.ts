import type { TrialParams } from '../samplers/sampler.ts';

/** States a trial goes through; each change appends one line to `trials.jsonl`. */
export type TrialState = 'running' | 'finished' | 'failed' | 'stopped';

/** One trial of a study, as stored and as returned by the search. */
export interface TrialRecord {
  index: number;
  state: TrialState;
  params: TrialParams;
  /** The trial's sandbox work dir, `<work_dir>/trial_<index>`. */
  workDir: string;
  /** The objective (`metric.name`) when the trial produced it. */
  value: number | null;
  /** The last value of every numeric key the trial's tracker saw. */
  metrics: Record<string, number>;
  /** Every intermediate value of the objective, in report order (what hyperband judges). */
  history: number[];
  error?: string;
  /** Set when hyperband stopped the trial. */
  stoppedAt?: { band: number; threshold: number };
  time: string;
}
