import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { type ComponentEnv, type ConfigTree, jobError, type PythonEnvSpec, runInfoRef } from '@dj-sandbox/core';
import { envSpecFromConfig } from '@dj-sandbox/env-manager';
import { PYCOCOEVALCAP_REQUIREMENT } from '../metrics/meteor.ts';

/** The metric names, in pycocoevalcap's (and the reference InternVL evaluator's) order. */
export const CAPTION_METRICS = ['Bleu_1', 'Bleu_2', 'Bleu_3', 'Bleu_4', 'METEOR', 'ROUGE_L', 'CIDEr'] as const;

/** One caption metric name. */
export type CaptionMetricName = (typeof CAPTION_METRICS)[number];

/** The resolved config of a `caption_metrics` evaluator. */
export interface CaptionMetricsConfig {
  /** Dataset paths as configured, each with the absolute file it reads; only those that exist. */
  readonly datasets: readonly { path: string; file: string }[];
  readonly candidateKey: string;
  readonly referencesKey: string;
  readonly metrics: readonly CaptionMetricName[];
  /** The environment METEOR runs in (pycocoevalcap installed). */
  readonly meteorEnv: PythonEnvSpec;
}

/** A config problem of this evaluator, blaming the plugin and the job. */
export function captionConfigError(
  env: ComponentEnv,
  key: string,
  summary: string,
  data: { expected: string; received?: unknown; fix: string },
) {
  return jobError('evaluator-config', summary, {
    plugin: 'evaluator-caption',
    job: env.scope.metaName ?? undefined,
    pipeline: env.scope.pipeline,
    path: `extra_configs.${key}`,
    ...data,
  });
}

function stringKey(env: ComponentEnv, config: ConfigTree, key: string, fallback: string): string {
  const value = config[key] ?? fallback;
  if (typeof value === 'string' && value !== '') return value;
  throw captionConfigError(env, key, `${key} must be a field name.`, {
    expected: 'a non-empty string (dotted keys reach nested fields)',
    received: value,
    fix: `Set ${key} to the field of each row that holds it, or remove it for the default "${fallback}".`,
  });
}

function datasetPaths(env: ComponentEnv, config: ConfigTree): { path: string; file: string }[] {
  const value = config.dataset_path;
  const paths = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(paths) || paths.length === 0 || !paths.every((p) => typeof p === 'string')) {
    throw captionConfigError(env, 'dataset_path', 'dataset_path must be a path or a list of paths.', {
      expected: 'a JSON Lines (or JSON array) file of captions, or a list of them',
      received: value,
      fix: 'Set dataset_path to files whose rows hold a candidate caption and its references.',
    });
  }
  const cwd = env.resolve(runInfoRef).cwd;
  const existing = (paths as string[])
    .map((path) => ({ path, file: resolve(cwd, path) }))
    .filter((d) => existsSync(d.file));
  const missing = (paths as string[]).filter((p) => !existing.some((d) => d.path === p));
  if (missing.length > 0) env.logger.warn(`Input paths [${missing.join(', ')}] do not exist. Skipped!`);
  if (existing.length === 0) {
    throw captionConfigError(env, 'dataset_path', 'None of the dataset paths exists.', {
      expected: `at least one existing file (relative to ${cwd})`,
      received: paths,
      fix: 'Check dataset_path, or the output of the job that feeds it.',
    });
  }
  return existing;
}

function metricList(env: ComponentEnv, config: ConfigTree): CaptionMetricName[] {
  const value = config.metrics;
  if (value === undefined || value === null) return [...CAPTION_METRICS];
  const list = typeof value === 'string' ? [value] : value;
  const known = new Set<string>(CAPTION_METRICS);
  if (!Array.isArray(list) || list.length === 0 || !list.every((m) => typeof m === 'string' && known.has(m))) {
    throw captionConfigError(env, 'metrics', 'metrics names an unknown caption metric.', {
      expected: `a non-empty list of ${CAPTION_METRICS.join(', ')}`,
      received: value,
      fix: 'Use the metric names above, or remove metrics to compute all of them.',
    });
  }
  return CAPTION_METRICS.filter((m) => list.includes(m));
}

function meteorEnvSpec(config: ConfigTree): PythonEnvSpec {
  return envSpecFromConfig(config, { deps: [PYCOCOEVALCAP_REQUIREMENT] });
}

/**
 * Reads a `caption_metrics` config: `dataset_path` (a path or a list; missing files are skipped with a warning,
 * none left is an error), `candidate_key` (default `caption`), `references_key` (default `references`),
 * `metrics` (default all seven) and, for METEOR's Python environment, `env_name` / `env_manager` /
 * `env_py_version` (default: a cached uv environment).
 */
export function readCaptionConfig(config: ConfigTree, env: ComponentEnv): CaptionMetricsConfig {
  return {
    datasets: datasetPaths(env, config),
    candidateKey: stringKey(env, config, 'candidate_key', 'caption'),
    referencesKey: stringKey(env, config, 'references_key', 'references'),
    metrics: metricList(env, config),
    meteorEnv: meteorEnvSpec(config),
  };
}
