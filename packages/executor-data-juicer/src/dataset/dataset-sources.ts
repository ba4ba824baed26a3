import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { type ConfigTree, configError, isMapping } from '@dj-sandbox/core';
import { shellSplit } from './shell-split.ts';

/** One local dataset to load, with how many of its rows to take. */
export interface SourceSpec {
  /** Absolute file or folder path. */
  readonly path: string;
  /** Mixing weight: `ceil(N·weight)` rows are taken unless `sampleNum` is set (1 = all rows, in file order). */
  readonly weight: number;
  /** Exact number of rows to take (from `dataset.max_sample_num` mixing). */
  readonly sampleNum?: number;
  /** The config path that named it, for error messages. */
  readonly configPath: string;
}

/**
 * Parses a `dataset_path` string (docs/recipes.md#dataset-sources): shell-split; a token that parses as a float is the
 * weight (negative → 0) of the NEXT path; a path without a weight gets 1.0.
 */
export function parseDatasetPath(value: string): Array<{ path: string; weight: number }> {
  const out: Array<{ path: string; weight: number }> = [];
  let pending: number | undefined;
  for (const token of shellSplit(value)) {
    const asNumber = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(token) ? Number(token) : Number.NaN;
    if (!Number.isNaN(asNumber)) {
      pending = Math.max(0, asNumber);
      continue;
    }
    out.push({ path: token, weight: pending ?? 1.0 });
    pending = undefined;
  }
  return out;
}

/**
 * Row counts of `dataset.max_sample_num` mixing: weights normalised to sum 1, `ceil(max·w_i)`, then capped so the
 * running total never exceeds `max` (docs/recipes.md#dataset-sources).
 */
export function mixtureCounts(weights: readonly number[], maxSampleNum: number): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  let used = 0;
  return weights.map((w) => {
    const n = Math.min(Math.ceil(maxSampleNum * (total > 0 ? w / total : 0)), maxSampleNum - used);
    used += n;
    return n;
  });
}

function missingPath(path: string, configPath: string): Error {
  return configError('dataset-missing', 'the dataset path does not exist.', {
    path: configPath,
    expected: 'an existing file or folder (relative paths are resolved against the working directory)',
    received: path,
    fix: 'Check the path; remote Hugging Face datasets are not supported by this engine.',
  });
}

/** The local datasets a recipe names, in load order (`generated_dataset_config` > `dataset_path` > `dataset`). */
export function datasetSources(tree: ConfigTree, cwd: string = process.cwd()): SourceSpec[] {
  if (tree.generated_dataset_config) {
    throw configError('dataset-generated', 'generated_dataset_config is not supported by this engine.', {
      path: 'generated_dataset_config',
      received: tree.generated_dataset_config,
      fix: 'Write the data to a file and set dataset_path.',
    });
  }
  if (typeof tree.dataset_path === 'string' && tree.dataset_path.trim()) {
    return parseDatasetPath(tree.dataset_path).map(({ path, weight }) => {
      const abs = resolve(cwd, path);
      if (!existsSync(abs)) throw missingPath(path, 'dataset_path');
      return { path: abs, weight, configPath: 'dataset_path' };
    });
  }
  const block = tree.dataset;
  const cfg = Array.isArray(block) ? (block.length ? { configs: block } : undefined) : block;
  if (isMapping(cfg) && Array.isArray(cfg.configs) && cfg.configs.length > 0) {
    const configs = cfg.configs as unknown[];
    const entries = configs.map((c, i) => {
      const at = `dataset.configs[${i}]`;
      if (!isMapping(c) || (c.type ?? 'local') !== 'local' || typeof c.path !== 'string') {
        throw configError('dataset-config', 'only local datasets with a path are supported.', {
          path: at,
          expected: '{type: local, path: <file or folder>, weight: <number>}',
          received: c,
          fix: 'Download remote datasets first and point a local entry at them.',
        });
      }
      const abs = resolve(cwd, c.path);
      if (!existsSync(abs)) throw missingPath(c.path, `${at}.path`);
      const weight = c.weight === undefined || c.weight === null ? 1.0 : Number(c.weight);
      return { path: abs, weight, configPath: at };
    });
    const max = cfg.max_sample_num;
    if (max === undefined || max === null) return entries;
    if (typeof max !== 'number' || !Number.isInteger(max) || max <= 0) {
      throw configError('dataset-max-sample-num', 'max_sample_num must be a positive integer.', {
        path: 'dataset.max_sample_num',
        expected: 'an integer > 0',
        received: max,
      });
    }
    const counts = mixtureCounts(
      entries.map((e) => e.weight),
      max,
    );
    return entries.map((e, i) => ({ ...e, sampleNum: counts[i]! }));
  }
  throw configError('dataset-none', 'the recipe names no dataset.', {
    path: 'dataset_path',
    expected: 'a file or folder path (optionally several, with weights), or a dataset: {configs: [...]} block',
    received: tree.dataset_path,
    fix: 'Set dataset_path: path/to/data.jsonl',
  });
}
