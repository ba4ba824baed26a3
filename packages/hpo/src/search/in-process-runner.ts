import {
  FileTracker,
  flattenWatched,
  type Logger,
  MemoryTracker,
  type PluginRegistry,
  runSandbox,
  silentLogger,
  type Tracker,
  type TrackScope,
} from '@dj-sandbox/core';
import type { RunTrial } from './search-types.ts';
import { lastNumericValues, numericLeaves } from './tracked-metrics.ts';

/** Options of {@link inProcessTrialRunner}. */
export interface InProcessRunnerOptions {
  registry: PluginRegistry;
  cwd?: string;
  logger?: Logger;
  /** `file` (default): the sandbox's FileTracker in the trial dir; `memory`: nothing written but the run's files. */
  tracker?: 'file' | 'memory';
}

/** Wraps a tracker so that every numeric value it records is also reported to the search, with its step. */
function reporting<T extends MemoryTracker>(
  tracker: T,
  report: (values: Record<string, number>, step: number) => void,
): T {
  const watch = tracker.watch.bind(tracker);
  tracker.watch = (value: unknown, metaName: string, scope: TrackScope) => {
    watch(value, metaName, scope);
    const leaves: Record<string, number> = {};
    for (const [key, leaf] of flattenWatched(value, metaName))
      for (const [k, v] of numericLeaves(key, leaf)) leaves[k] = v;
    if (Object.keys(leaves).length > 0) report(leaves, scope.step ?? scope.iteration);
  };
  return tracker;
}

/**
 * A {@link RunTrial} that runs each trial in this process with core's `runSandbox`, in the trial's work dir. The
 * trial's metrics are the last value of every numeric key its tracker recorded (the tracker's flattened keys, plus
 * `<key>.<i>` for lists of numbers); every tracked value is reported to the search as it happens (step: the
 * tracked step, else the sandbox iteration), which is what hyperband judges. When the search aborts a trial, the
 * run stops before its next job (hooks that honour `ctx.signal` stop sooner).
 */
export function inProcessTrialRunner(options: InProcessRunnerOptions): RunTrial {
  const cwd = options.cwd ?? process.cwd();
  const logger = options.logger ?? silentLogger;
  return async (trial, signal) => {
    const base = options.tracker === 'memory' ? new MemoryTracker() : new FileTracker(trial.workDir);
    const tracker: Tracker & MemoryTracker = reporting(base, trial.report);
    try {
      await runSandbox({
        config: trial.config,
        registry: options.registry,
        cwd,
        resume: false,
        tracker,
        signal,
        logger: logger.child({ trial: trial.index }),
        // runSandbox checks no signal between jobs; a throw from onEvent at the next job start ends the run.
        onEvent: (event) => {
          if (event.type === 'job-start' && signal.aborted) throw signal.reason ?? new Error('trial aborted');
        },
      });
      return { metrics: lastNumericValues(tracker.history()), status: 'finished' };
    } catch (error) {
      return {
        metrics: lastNumericValues(tracker.history()),
        status: 'failed',
        error: error instanceof Error ? error.message : String(error),
      };
    }
  };
}
