import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { type ComponentEnv, type ConfigTree, jobError, runInfoRef } from '@dj-sandbox/core';

/** A (prediction, ground truth) dataset pair, with the paths as configured and as read. */
export interface DatasetPair {
  predPath: string;
  gtPath: string;
  predFile: string;
  gtFile: string;
}

/** What the accuracy and MSE evaluators share: the pairs that exist and the two keys. */
export interface PairConfig {
  pairs: DatasetPair[];
  predKey: string;
  gtKey: string;
}

function configProblem(env: ComponentEnv, path: string, summary: string, data: Record<string, unknown>) {
  return jobError('evaluator-config', summary, {
    plugin: 'evaluator-metrics',
    job: env.scope.metaName ?? undefined,
    pipeline: env.scope.pipeline,
    path: `extra_configs.${path}`,
    ...data,
  });
}

function pathList(env: ComponentEnv, config: ConfigTree, key: string, fallback: string[] | undefined): string[] {
  const value = config[key] ?? fallback;
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  throw configProblem(env, key, `${key} must be a path or a list of paths.`, {
    expected: 'a string or a list of strings',
    received: value,
    fix: `Set ${key} to a dataset file (JSON Lines or a JSON array), or a list of them.`,
  });
}

function requireKey(env: ComponentEnv, config: ConfigTree, key: string, what: string): string {
  const value = config[key];
  if (typeof value === 'string' && value !== '') return value;
  throw configProblem(env, key, `Please specify the ${what} key.`, {
    expected: 'a field name of the dataset rows (dotted keys reach nested fields)',
    received: value,
    fix: `Add ${key}: <field> to extra_configs.`,
  });
}

/**
 * Reads the shared params of the accuracy and MSE evaluators (docs/evaluators.md#shared-parameters): the predicted
 * paths, the ground-truth paths (the predicted files themselves when empty, with a warning; otherwise one per predicted
 * path), the keys; keeps only pairs where both files exist, relative to the working directory.
 */
export function readPairConfig(
  config: ConfigTree,
  env: ComponentEnv,
  keys: { pred: string; gt: string; what: string },
): PairConfig {
  const cwd = env.resolve(runInfoRef).cwd;
  if (config.predicted_dataset_path === undefined || config.predicted_dataset_path === null) {
    throw configProblem(env, 'predicted_dataset_path', 'Please specify a valid predicted dataset path.', {
      expected: 'a path or a list of paths',
      received: config.predicted_dataset_path,
      fix: 'Add predicted_dataset_path (often filled with input: from the inference job).',
    });
  }
  const predPaths = pathList(env, config, 'predicted_dataset_path', undefined);
  let gtPaths = pathList(env, config, 'ground_truth_dataset_path', []);
  if (gtPaths.length === 0) {
    env.logger.warn('ground_truth_dataset_path is empty: the ground truth is read from the predicted datasets.');
    gtPaths = predPaths;
  } else if (gtPaths.length !== predPaths.length) {
    throw configProblem(env, 'ground_truth_dataset_path', 'there must be one ground-truth path per predicted path.', {
      expected: `${predPaths.length} path(s)`,
      received: gtPaths,
      fix: 'List the ground-truth datasets in the order of predicted_dataset_path, or leave it empty.',
    });
  }
  const predKey = requireKey(env, config, keys.pred, `predicted ${keys.what}`);
  const gtKey = requireKey(env, config, keys.gt, `ground truth ${keys.what}`);
  const pairs: DatasetPair[] = [];
  const skipped: string[] = [];
  predPaths.forEach((predPath, i) => {
    const gtPath = gtPaths[i]!;
    const predFile = resolve(cwd, predPath);
    const gtFile = resolve(cwd, gtPath);
    if (existsSync(predFile) && existsSync(gtFile)) pairs.push({ predPath, gtPath, predFile, gtFile });
    else skipped.push(`${predPath} / ${gtPath}`);
  });
  if (skipped.length > 0) env.logger.warn(`Skipped dataset pairs whose files do not exist: ${skipped.join(', ')}.`);
  if (pairs.length === 0) {
    throw configProblem(env, 'predicted_dataset_path', 'Please specify a valid predicted dataset path.', {
      expected: `existing files (relative to ${cwd})`,
      received: predPaths,
      fix: 'Check the paths; every predicted file and its ground-truth file must exist.',
    });
  }
  return { pairs, predKey, gtKey };
}

/**
 * The best value over the pairs that had rows to score; fails when none had any (the reference divided by zero).
 */
export function bestOf(values: Array<number | null>, pick: 'max' | 'min', env: ComponentEnv, metric: string): number {
  const scored = values.filter((v): v is number => v !== null);
  if (scored.length === 0) {
    throw jobError('evaluator-no-rows', `no dataset pair had a row to compute ${metric} on.`, {
      plugin: 'evaluator-metrics',
      job: env.scope.metaName ?? undefined,
      pipeline: env.scope.pipeline,
      path: 'extra_configs.predicted_dataset_path',
      expected: `at least one row with a ${metric === 'mse' ? 'numeric value' : 'label'} in some pair`,
      received: `${values.length} pair(s) with none`,
      fix: 'Check that the predicted datasets are not empty and that the value keys name the right fields.',
    });
  }
  return pick === 'max' ? Math.max(...scored) : Math.min(...scored);
}
