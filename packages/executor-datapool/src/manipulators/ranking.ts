import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { isMapping, nestedQuery } from '@dj-sandbox/core';
import { z } from 'zod';
import { baseConfig } from '../helpers/params.ts';
import { type PoolContext, poolError } from '../helpers/pool-context.ts';

/** Parameters of `data_pool_ranking`, with the reference's defaults. */
export const rankingParams = baseConfig.extend({
  dataset_path: z.union([z.string(), z.array(z.string())]).default([]),
  metrics: z.union([z.array(z.unknown()), z.record(z.string(), z.unknown())]).default([]),
  ranking_keys: z
    .union([z.string(), z.array(z.string())])
    .default([])
    .transform((v) => (typeof v === 'string' ? [v] : v)),
  descending: z.boolean().default(true),
  top_n: z.number().int().min(0).nullable().default(null),
});

/** Parsed parameters of `data_pool_ranking`. */
export type RankingParams = z.output<typeof rankingParams>;

type Scalar = number | string;

function scalar(value: unknown): Scalar | undefined {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number' && !Number.isNaN(value)) return value;
  if (typeof value === 'string') return value;
  return undefined;
}

/** A metrics entry that names an existing `.json` file is that file's content; anything else is itself. */
function metricsFile(entry: unknown, ctx: PoolContext): unknown {
  if (typeof entry !== 'string' || !entry.endsWith('.json')) return entry;
  const path = resolve(ctx.cwd, entry);
  if (!existsSync(path)) {
    throw poolError(ctx, 'data-pool-ranking-metrics-file', `the metrics file ${entry} does not exist.`, {
      path: 'extra_configs.metrics',
      expected: 'a JSON file of metrics written by an earlier job',
      received: path,
      fix: "check the evaluator's output path (and its iter_<n> folder)",
    });
  }
  return JSON.parse(readFileSync(path, 'utf8')) as unknown;
}

function compareTuples(a: readonly Scalar[], b: readonly Scalar[]): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x < y) return -1;
    if (x > y) return 1;
  }
  return 0;
}

/**
 * `data_pool_ranking` (docs/data-pools.md#data_pool_ranking): ranks pools by their metrics (tuples of the
 * `ranking_keys` values, compared in order), stably, and returns the paths truncated to `top_n`. Writes no files.
 * Differences: keys are checked on every metrics entry (the reference checked only the first); with no usable key,
 * plain-number metrics rank by value and mapping metrics fail clearly (the reference raised a type error); a single
 * path with a single metrics mapping is accepted (a job that made one file records a string); a metrics entry may name
 * a JSON file holding the mapping (an evaluator's results file), since a config cannot assemble a list from several
 * jobs' outputs.
 */
export async function runRanking(params: RankingParams, ctx: PoolContext): Promise<string[]> {
  const paths = typeof params.dataset_path === 'string' ? [params.dataset_path] : params.dataset_path;
  const metrics = (Array.isArray(params.metrics) ? params.metrics : [params.metrics]).map((m) => metricsFile(m, ctx));
  if (paths.length !== metrics.length) {
    throw poolError(ctx, 'data-pool-ranking-lengths', 'dataset_path and metrics should be lists of the same length.', {
      path: 'extra_configs.metrics',
      expected: `${paths.length} metrics entries, one per dataset path`,
      received: metrics.length,
    });
  }
  if (paths.length === 0) {
    ctx.logger.warn('No data pools to rank.');
    return [];
  }
  const missing = params.ranking_keys.filter((key) =>
    metrics.some((m) => scalar(isMapping(m) ? nestedQuery(m, key) : undefined) === undefined),
  );
  if (missing.length) ctx.logger.warn(`Ranking keys [${missing.join(', ')}] does not exist. Skipped!`);
  const keys = params.ranking_keys.filter((k) => !missing.includes(k));
  let tuples: Scalar[][];
  if (keys.length > 0) {
    tuples = metrics.map((m) => keys.map((k) => scalar(nestedQuery(m, k))!));
  } else if (metrics.every((m) => typeof m === 'number' && !Number.isNaN(m))) {
    tuples = metrics.map((m) => [m as number]);
  } else {
    const first = metrics.find(isMapping);
    throw poolError(ctx, 'data-pool-ranking-no-keys', 'no ranking key is present in every metrics entry.', {
      path: 'extra_configs.ranking_keys',
      expected: 'dotted keys whose values are numbers or strings in every metrics mapping',
      received: params.ranking_keys,
      fix: `Use keys of the metrics, e.g. ${JSON.stringify(first ? Object.keys(first).slice(0, 5) : [])}.`,
    });
  }
  keys.forEach((key, i) => {
    const kinds = new Set(tuples.map((t) => typeof t[i]));
    if (kinds.size > 1) {
      throw poolError(ctx, 'data-pool-ranking-mixed', `ranking key ${key} mixes numbers and strings.`, {
        path: 'extra_configs.metrics',
        expected: `values of one type for ${key}`,
        received: tuples.map((t) => t[i]),
      });
    }
  });
  const sign = params.descending ? -1 : 1;
  // Array.prototype.sort is stable; comparing with the sign flipped keeps equal entries in input order, as Python's
  // sorted(reverse=True) does (sorting ascending then reversing would not).
  const order = paths.map((_, i) => i).sort((a, b) => sign * compareTuples(tuples[a]!, tuples[b]!));
  const ranked = order.map((i) => paths[i]!);
  return params.top_n === null ? ranked : ranked.slice(0, params.top_n);
}
