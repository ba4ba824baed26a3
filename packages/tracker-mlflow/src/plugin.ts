import {
  createRef,
  definePlugin,
  loggerRef,
  runInfoRef,
  type Tracker,
  trackersPoint,
  versionOf,
} from '@dj-sandbox/core';
import { mlflowSettings } from './create-tracker.ts';
import { MlflowTracker } from './mlflow-tracker.ts';
import { type MlflowOptions, mlflowOptionsSchema } from './options.ts';

/** The MLflow tracker service this plugin provides, one per run. */
export const mlflowTrackerRef = createRef<Tracker>({ id: 'tracker-mlflow.tracker' });

/**
 * The tracker-mlflow plugin: registers an MLflow tracker as a service and adds it to the run's trackers
 * (`plugins: [['@dj-sandbox/tracker-mlflow', { trackingUri: 'http://127.0.0.1:5000' }]]` in a config is all it takes). The run's logger and facts (work dir,
 * project and experiment names) are its declared deps; disposing the run closes the MLflow run.
 */
export default definePlugin<MlflowOptions>({
  id: 'tracker-mlflow',
  version: versionOf(import.meta.url),
  apiVersion: 1,
  description: 'Logs watched metrics, config params and artifacts to an MLflow tracking server.',
  options: mlflowOptionsSchema,
  register(reg, options) {
    reg.service(mlflowTrackerRef, {
      deps: { runInfo: runInfoRef, logger: loggerRef },
      factory: ({ runInfo, logger }) =>
        new MlflowTracker(mlflowSettings(options, runInfo), logger.child({ plugin: 'tracker-mlflow' })),
      dispose: (tracker) => tracker.close(),
    });
    // Every run sends what it watches to MLflow too, next to the file tracker.
    reg.extend(trackersPoint, mlflowTrackerRef);
  },
});
