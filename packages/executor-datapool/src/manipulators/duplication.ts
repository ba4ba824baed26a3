import { pyJoin } from '@dj-sandbox/core';
import { z } from 'zod';
import { checkIoPaths } from '../helpers/check-io-paths.ts';
import { addSuffixToFilename, basenameNoext } from '../helpers/names.ts';
import { baseConfig, exportPath, pathList, seed } from '../helpers/params.ts';
import type { PoolContext } from '../helpers/pool-context.ts';
import { seededKey } from '../helpers/seeded-order.ts';
import { loadPool } from '../io/load-pool.ts';
import { writePool } from '../io/write-pool.ts';

const TIMES_MESSAGE = 'duplicating_times should be integers >= 1.';

/** Parameters of `data_pool_duplication`, with the reference's defaults. */
export const duplicationParams = baseConfig.extend({
  dataset_path: pathList,
  export_path: exportPath,
  duplicating_times: z
    .union([z.number(), z.array(z.number())])
    .default([])
    .transform((v) => (typeof v === 'number' ? [v] : v))
    .refine((v) => v.every((t) => Number.isInteger(t) && t >= 1), TIMES_MESSAGE),
  shuffle: z.boolean().default(false),
  shuffle_seed: seed.default(42),
});

/** Parsed parameters of `data_pool_duplication`. */
export type DuplicationParams = z.output<typeof duplicationParams>;

/**
 * `data_pool_duplication` (docs/data-pools.md#data_pool_duplication): for each pool and each `t`, writes `t`
 * concatenated copies (shuffled with `shuffle_seed` when `shuffle`) to `<name>_x<t>.jsonl`. Differences: `dataset_path`
 * may be a string (the reference iterated its characters) and missing pools are skipped.
 */
export async function runDuplication(params: DuplicationParams, ctx: PoolContext): Promise<string[]> {
  const { inputs, exportPath: out } = await checkIoPaths(ctx, params.dataset_path, params.export_path);
  if (params.duplicating_times.length === 0) ctx.logger.warn('duplicating_times is empty: nothing to write.');
  const written: string[] = [];
  for (const input of inputs) {
    const pool = await loadPool(ctx, input);
    for (const times of params.duplicating_times) {
      const path = pyJoin(out, addSuffixToFilename(basenameNoext(input), `_x${times}.jsonl`));
      const order = params.shuffle
        ? `${seededKey(params.shuffle_seed, 'c.copy', 't.rowid')}, c.copy, t.rowid`
        : 'c.copy, t.rowid';
      const select = pool.table
        ? `SELECT t.* FROM ${pool.table} t CROSS JOIN range(${times}) c(copy) ORDER BY ${order}`
        : null;
      await writePool(ctx, select, path, {
        operation: 'data_pool_duplication',
        params: { duplicating_times: times, shuffle: params.shuffle, shuffle_seed: params.shuffle_seed },
        parents: [input],
      });
      written.push(path);
    }
  }
  return written;
}
