import { pipelineJobs, type SandboxConfig } from '@dj-sandbox/core';

/**
 * The tracker keys a search metric may be reported under: the name itself, and, for `<meta_name>.<output name>`
 * where the job declares `output: [..]`, the tracker's positional key `<meta_name>.<i>` (a multi-output result is
 * tracked as a list, so `eval.min_mse` is `eval.1` when `output: [mse, min_mse]`).
 */
export function metricKeys(config: SandboxConfig, name: string): string[] {
  const keys = [name];
  const dot = name.indexOf('.');
  if (dot < 0) return keys;
  const metaName = name.slice(0, dot);
  const outputName = name.slice(dot + 1);
  for (const pipeline of config.pipelines) {
    for (const { job } of pipelineJobs(pipeline)) {
      if (job.meta_name !== metaName || !job.output) continue;
      const index = job.output.indexOf(outputName);
      if (index >= 0) keys.push(`${metaName}.${index}`);
    }
  }
  return keys;
}

/** The metric's value among tracked values, under any of its {@link metricKeys}. */
export function metricValue(values: Readonly<Record<string, unknown>>, keys: readonly string[]): unknown {
  for (const key of keys) if (values[key] !== undefined) return values[key];
  return undefined;
}
