import { pyJoin } from '@dj-sandbox/core';
import type { z } from 'zod';
import { checkIoPaths } from '../helpers/check-io-paths.ts';
import { lcp } from '../helpers/names.ts';
import { baseConfig, exportPath, pathList } from '../helpers/params.ts';
import { type PoolContext, poolError } from '../helpers/pool-context.ts';
import { sampleIdentity } from '../helpers/sample-identity.ts';
import { loadPool, type Pool } from '../io/load-pool.ts';
import { writePool } from '../io/write-pool.ts';

/** Parameters of `data_pool_combination`. */
export const combinationParams = baseConfig.extend({ dataset_path: pathList, export_path: exportPath });

/** Parsed parameters of `data_pool_combination`. */
export type CombinationParams = z.output<typeof combinationParams>;

/** More pools would mean more than a million candidate combinations. */
export const MAX_COMBINED_POOLS = 20;

/**
 * The reference's levels of combinations, in its order: when pool r arrives, every entry that existed before (at
 * each level, in order) gains r one level up. For 3 pools: `0, 1, 2`, then `0_1, 0_2, 1_2`, then `0_1_2`.
 */
export function combinationLevels(n: number): number[][][] {
  const levels: number[][][] = [];
  for (let r = 0; r < n; r++) {
    const snapshot = levels.map((level) => [...level]);
    if (levels.length === 0) levels.push([]);
    levels[0]!.push([r]);
    snapshot.forEach((level, k) => {
      if (levels.length <= k + 1) levels.push([]);
      for (const label of level) levels[k + 1]!.push([...label, r]);
    });
  }
  return levels;
}

async function indexIdentities(ctx: PoolContext, pools: Pool[]): Promise<string> {
  const ids = ctx.session.tableName('ids');
  await ctx.session.run(`CREATE TEMP TABLE ${ids} (pool INTEGER, row_pos BIGINT, h VARCHAR)`);
  const appender = await ctx.session.connection.createAppender(ids);
  for (const [r, pool] of pools.entries()) {
    if (!pool.table) continue;
    for await (const chunk of ctx.session.stream(`SELECT t.rowid::DOUBLE, to_json(t)::VARCHAR FROM ${pool.table} t`)) {
      for (const [row, json] of chunk) {
        appender.appendInteger(r);
        appender.appendBigInt(BigInt(row as number));
        appender.appendVarchar(sampleIdentity(json as string));
        appender.endRow();
      }
    }
  }
  appender.closeSync();
  return ids;
}

/**
 * `data_pool_combination` (docs/data-pools.md#data_pool_combination): intersects rank-ordered pools by sample identity
 * and writes every non-empty combination as `<P>_top_<label>_num_<count>.jsonl`. Only identities and row positions are
 * indexed (in DuckDB); rows are copied from the pool files. Difference: rows are written deterministically, in the
 * order they first appear in the lowest-ranked pool of the combination (the reference used set order).
 */
export async function runCombination(params: CombinationParams, ctx: PoolContext): Promise<string[]> {
  const { inputs, exportPath: out } = await checkIoPaths(ctx, params.dataset_path, params.export_path);
  if (inputs.length > MAX_COMBINED_POOLS) {
    throw poolError(ctx, 'data-pool-too-many', `cannot combine ${inputs.length} pools.`, {
      path: 'extra_configs.dataset_path',
      expected: `at most ${MAX_COMBINED_POOLS} pools (2^N - 1 combinations)`,
      received: inputs.length,
      fix: 'Combine the top-ranked pools only (e.g. rank them first with data_pool_ranking and top_n).',
    });
  }
  const pools: Pool[] = [];
  for (const input of inputs) pools.push(await loadPool(ctx, input));
  const ids = await indexIdentities(ctx, pools);
  const masks = ctx.session.tableName('masks');
  const firsts = ctx.session.tableName('firsts');
  await ctx.session.run(
    `CREATE TEMP TABLE ${masks} AS SELECT h, bit_or((1::UBIGINT) << pool) AS mask FROM ${ids} GROUP BY h`,
  );
  await ctx.session.run(
    `CREATE TEMP TABLE ${firsts} AS SELECT pool, h, min(row_pos) AS row_pos FROM ${ids} GROUP BY pool, h`,
  );
  const byMask = (
    await ctx.session.rows(`SELECT mask::VARCHAR AS mask, count(*)::DOUBLE AS n FROM ${masks} GROUP BY mask`)
  ).map((r) => [BigInt(r.mask as string), Number(r.n)] as const);
  const maskOf = (label: number[]) => label.reduce((m, r) => m | (1n << BigInt(r)), 0n);
  const count = (label: number[]) => {
    const m = maskOf(label);
    return byMask.reduce((sum, [mask, n]) => ((mask & m) === m ? sum + n : sum), 0);
  };
  const levels = combinationLevels(pools.length);
  for (let r = 0; r < pools.length; r++) {
    const top = Array.from({ length: r + 1 }, (_, i) => i);
    ctx.logger.info(`After merging rank [${r}], there are [${count(top)}] samples in the top level`);
  }
  for (let k = levels.length - 1; k >= 0; k--) {
    ctx.logger.info(`Level ${k}: ${levels[k]!.map((l) => `${l.join('_')} (${count(l)})`).join(', ')}`);
  }
  const prefix = lcp(inputs) || 'default_prefix';
  const written: string[] = [];
  for (const level of levels) {
    for (const label of level) {
      const n = count(label);
      if (n === 0) continue;
      const lowest = pools[label[0]!]!;
      const path = pyJoin(out, `${prefix}_top_${label.join('_')}_num_${n}.jsonl`);
      const select = `SELECT t.* FROM ${lowest.table} t JOIN (SELECT f.row_pos FROM ${firsts} f JOIN ${masks} m ON f.h = m.h WHERE f.pool = ${label[0]} AND (m.mask & ${maskOf(label)}::UBIGINT) = ${maskOf(label)}::UBIGINT) s ON t.rowid = s.row_pos ORDER BY t.rowid`;
      await writePool(ctx, select, path, {
        operation: 'data_pool_combination',
        params: { combination: label.join('_') },
        parents: label.map((i) => inputs[i]!),
      });
      written.push(path);
    }
  }
  return written;
}
