import type { Logger, Progress, SandboxConfig } from '@dj-sandbox/core';
import type { TrialParams } from '../samplers/sampler.ts';
import type { TrialRecord } from '../study/trial-record.ts';
import type { Sweep } from '../sweep/sweep-types.ts';

/** One trial handed to {@link RunTrial}. */
export interface Trial {
  index: number;
  params: TrialParams;
  /** The sandbox config of this trial: the parameters applied, `work_dir` set to {@link Trial.workDir}. */
  config: SandboxConfig;
  /** `<work_dir>/trial_<index>` (absolute). */
  workDir: string;
  /**
   * Reports intermediate values (a training step, a sandbox iteration): what hyperband judges. Only the value of
   * the sweep's `metric.name` counts; each call with it is one hyperband "iteration".
   */
  report(metrics: Record<string, number>, step?: number): void;
}

/** What a trial runner returns. */
export interface TrialOutcome {
  metrics: Record<string, number>;
  status: 'finished' | 'failed';
  error?: string;
}

/**
 * Runs one trial (in-process with core's `runSandbox`, or as a child `dj-sandbox run`). `signal` aborts when
 * hyperband stops the trial or the search is cancelled; the runner should stop promptly.
 */
export type RunTrial = (trial: Trial, signal: AbortSignal) => Promise<TrialOutcome>;

/** Options of {@link runSearch}. */
export interface RunSearchOptions {
  /** The base sandbox config every trial starts from. */
  config: SandboxConfig;
  /** A parsed sweep, an inline sweep mapping, or a path to a sweep file (relative to `cwd`). */
  sweep: Sweep | Record<string, unknown> | string;
  runTrial: RunTrial;
  /** Where `study/` and the `trial_<n>/` dirs go (default: the config's `work_dir`). */
  workDir?: string;
  /** Directory relative paths resolve against (default: the process working directory). */
  cwd?: string;
  /** Trials at once (default 1). */
  parallel?: number;
  /** Continue the study in `<workDir>/study/`: finished trials are kept, unfinished ones run again. */
  resume?: boolean;
  /** Overrides `sweep_max_count` / `run_cap`. */
  maxTrials?: number;
  logger?: Logger;
  progress?: Progress;
  signal?: AbortSignal;
}

/** Why a search stopped. */
export type SearchStopReason = 'max-trials' | 'grid-done' | 'target' | 'aborted';

/** What {@link runSearch} resolves to. */
export interface SearchResult {
  /** The finished trial with the best objective, if any finished with one. */
  best: TrialRecord | undefined;
  /** Every trial, by index. */
  trials: TrialRecord[];
  stopReason: SearchStopReason;
  studyDir: string;
}
