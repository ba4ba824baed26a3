import type { Logger, RunInfo } from '@dj-sandbox/core';
import { MlflowTracker, type MlflowTrackerSettings } from './mlflow-tracker.ts';
import { DEFAULT_TRACKING_URI, type MlflowOptionsInput, mlflowOptionsSchema } from './options.ts';

/** The facts of the sandbox run that name the MLflow experiment and run when the options do not. */
export type MlflowRunFacts = Partial<Pick<RunInfo, 'workDir' | 'projectName' | 'experimentName'>>;

/** Applies the defaults: options first, then `MLFLOW_TRACKING_URI`, then the run's project and experiment names. */
export function mlflowSettings(options: MlflowOptionsInput, run: MlflowRunFacts = {}): MlflowTrackerSettings {
  const o = mlflowOptionsSchema.parse(options);
  return {
    trackingUri: o.trackingUri ?? process.env.MLFLOW_TRACKING_URI ?? DEFAULT_TRACKING_URI,
    experimentName: o.experimentName ?? run.projectName ?? 'dj-sandbox',
    runName: o.runName ?? run.experimentName ?? 'sandbox',
    artifactLocation: o.artifactLocation,
    tags: o.tags,
    artifacts: o.artifacts,
    workDir: run.workDir ?? null,
    flushEvery: o.flushEvery,
    requestTimeoutMs: o.requestTimeoutMs,
  };
}

/**
 * Creates an MLflow tracker and waits until its run exists, so that a wrong address fails before any job runs.
 *
 * @example
 * const tracker = await createMlflowTracker({ trackingUri: 'http://127.0.0.1:5000' }, { projectName: 'demo', workDir });
 * tracker.watch({ accuracy: 0.81 }, 'eval_model', { iteration: 1, pipeline: 'p', job: 'eval_model' });
 * await tracker.close();
 */
export async function createMlflowTracker(
  options: MlflowOptionsInput = {},
  run: MlflowRunFacts = {},
  logger?: Logger,
): Promise<MlflowTracker> {
  const tracker = new MlflowTracker(mlflowSettings(options, run), logger);
  await tracker.runInfo();
  return tracker;
}
