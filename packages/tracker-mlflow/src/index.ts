export { createMlflowTracker, type MlflowRunFacts, mlflowSettings } from './create-tracker.ts';
export { MlflowClient, type MlflowKeyValue, type MlflowMetric, type MlflowRunInfo } from './mlflow-client.ts';
export { MLFLOW_LIMITS, metricValue, mlflowKey, paramValue } from './mlflow-keys.ts';
export { type MlflowRunStatus, MlflowTracker, type MlflowTrackerSettings } from './mlflow-tracker.ts';
export { DEFAULT_TRACKING_URI, type MlflowOptions, type MlflowOptionsInput, mlflowOptionsSchema } from './options.ts';
export { default, mlflowTrackerRef } from './plugin.ts';
