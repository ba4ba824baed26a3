import { pyJoin } from '@dj-sandbox/core';
import { z } from 'zod';
import { checkIoPaths } from '../helpers/check-io-paths.ts';
import { addSuffixToFilename, basenameNoext } from '../helpers/names.ts';
import { baseConfig, exportPath, pathList, seed } from '../helpers/params.ts';
import type { PoolContext } from '../helpers/pool-context.ts';
import { seededKey } from '../helpers/seeded-order.ts';
import { loadPool, type Pool } from '../io/load-pool.ts';
import { writePool } from '../io/write-pool.ts';

/** Parameters of `data_pool_downsampling`, with the reference's defaults; `seed` is accepted as an alias. */
export const downsamplingParams = baseConfig
  .extend({
    dataset_path: pathList,
    export_path: exportPath,
    target_num_samples: z.number().int().min(0).nullable().default(null),
    shuffle_seed: seed.optional(),
    seed: seed.optional(),
  })
  .transform(({ seed: alias, shuffle_seed, ...rest }) => ({ ...rest, shuffle_seed: shuffle_seed ?? alias ?? 42 }));

/** Parsed parameters of `data_pool_downsampling`. */
export type DownsamplingParams = z.output<typeof downsamplingParams>;

/**
 * `data_pool_downsampling` (docs/data-pools.md#data_pool_downsampling): shuffles each pool with the seed and keeps the
 * first `min(target, N)` rows, written to `<name>_<target>.jsonl`; the target defaults to the smallest pool's size.
 * Difference: `seed` is honoured when `shuffle_seed` is absent (the reference ignored it).
 */
export async function runDownsampling(params: DownsamplingParams, ctx: PoolContext): Promise<string[]> {
  const { inputs, exportPath: out } = await checkIoPaths(ctx, params.dataset_path, params.export_path);
  const pools: Pool[] = [];
  for (const input of inputs) pools.push(await loadPool(ctx, input));
  const target = params.target_num_samples ?? Math.min(...pools.map((p) => p.rows));
  const written: string[] = [];
  for (const pool of pools) {
    const path = pyJoin(out, addSuffixToFilename(basenameNoext(pool.path), `_${target}.jsonl`));
    const take = Math.min(target, pool.rows);
    const select = pool.table
      ? `SELECT t.* FROM ${pool.table} t ORDER BY ${seededKey(params.shuffle_seed, 't.rowid')}, t.rowid LIMIT ${take}`
      : null;
    await writePool(ctx, select, path, {
      operation: 'data_pool_downsampling',
      params: { target_num_samples: target, shuffle_seed: params.shuffle_seed },
      parents: [pool.path],
    });
    written.push(path);
  }
  return written;
}
