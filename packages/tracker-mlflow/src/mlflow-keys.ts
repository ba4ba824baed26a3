/** MLflow's limits on log-batch requests and values (REST API docs, `log-batch`). */
export const MLFLOW_LIMITS = {
  metricsPerBatch: 1000,
  paramsPerBatch: 100,
  tagsPerBatch: 100,
  paramValue: 6000,
  tagValue: 8000,
  key: 250,
};

/**
 * A key MLflow accepts: letters, digits, `_ - . / :` and spaces. The analyzer's percentiles (`25%`) become `25pct`
 * and anything else disallowed becomes `_`, so `probe.text_len.25%` logs as `probe.text_len.25pct`.
 */
export function mlflowKey(key: string): string {
  const clean = key.replace(/%/g, 'pct').replace(/[^\w.\-/: ]/g, '_');
  return clean.length > MLFLOW_LIMITS.key ? clean.slice(0, MLFLOW_LIMITS.key) : clean;
}

/** A watched leaf as an MLflow metric value, or `null` when it is not a finite number (or a boolean). */
export function metricValue(value: unknown): number | null {
  if (typeof value === 'boolean') return value ? 1 : 0;
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** A config value as an MLflow param value: strings as they are, the rest as JSON, cut at MLflow's limit. */
export function paramValue(value: unknown, limit = MLFLOW_LIMITS.paramValue): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return text.length > limit ? `${text.slice(0, limit - 1)}…` : text;
}
