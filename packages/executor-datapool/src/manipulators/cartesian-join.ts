import { join } from 'node:path';
import { pyJoin } from '@dj-sandbox/core';
import { z } from 'zod';
import { checkIoPaths } from '../helpers/check-io-paths.ts';
import { lcp } from '../helpers/names.ts';
import { baseConfig, pathList } from '../helpers/params.ts';
import type { PoolContext } from '../helpers/pool-context.ts';
import { sqlIdent } from '../io/duck-session.ts';
import { loadPool, type Pool } from '../io/load-pool.ts';
import { writePool } from '../io/write-pool.ts';

/** Parameters of `data_pool_cartesian_join`. */
export const cartesianJoinParams = baseConfig.extend({
  dataset_path_1: pathList,
  dataset_path_2: pathList,
  export_path: z.string().nullable().default(''),
});

/** Parsed parameters of `data_pool_cartesian_join`. */
export type CartesianJoinParams = z.output<typeof cartesianJoinParams>;

/** Where joins go when `export_path` is unset: `<work_dir>/data_pool_cartesian_join/iter_<n>`. */
export function defaultJoinExportPath(ctx: PoolContext): string {
  return join(ctx.workDir, 'data_pool_cartesian_join', `iter_${ctx.iteration}`);
}

function joinSelect(m: Pool, n: Pool): { select: string | null; overlap: string[] } {
  if (!m.table || !n.table) return { select: null, overlap: [] };
  const right = new Set(n.columns.map((c) => c.name));
  const overlap = m.columns.map((c) => c.name).filter((name) => right.has(name));
  const left =
    overlap.length === m.columns.length
      ? ''
      : overlap.length
        ? `a.* EXCLUDE (${overlap.map(sqlIdent).join(', ')}), `
        : 'a.*, ';
  return { select: `SELECT ${left}b.* FROM ${m.table} a CROSS JOIN ${n.table} b ORDER BY a.rowid, b.rowid`, overlap };
}

/**
 * `data_pool_cartesian_join` (docs/data-pools.md#data_pool_cartesian_join): for every pool i of set M and j of set N,
 * writes `<P>_cartesian_join_<i>_<j>.jsonl` where row k is row ⌊k/|N_j|⌋ of M_i merged with row k mod |N_j| of N_j.
 * Differences: a field present on both sides takes N's value (the reference's behaviour was undefined); an unset
 * `export_path` defaults to {@link defaultJoinExportPath}; a set without existing pools fails clearly.
 */
export async function runCartesianJoin(params: CartesianJoinParams, ctx: PoolContext): Promise<string[]> {
  const exportPath = params.export_path || defaultJoinExportPath(ctx);
  const keys1 = { inputs: 'dataset_path_1', exportPath: 'export_path' };
  const keys2 = { inputs: 'dataset_path_2', exportPath: 'export_path' };
  const { inputs: left, exportPath: out } = await checkIoPaths(ctx, params.dataset_path_1, exportPath, keys1);
  const { inputs: right } = await checkIoPaths(ctx, params.dataset_path_2, exportPath, keys2);
  const joined = `${lcp(left)}_${lcp(right)}`;
  const prefix = joined === '_' ? 'default_prefix' : joined;
  const rightPools: Pool[] = [];
  for (const path of right) rightPools.push(await loadPool(ctx, path));
  const written: string[] = [];
  for (const [i, leftPath] of left.entries()) {
    const m = await loadPool(ctx, leftPath);
    for (const [j, n] of rightPools.entries()) {
      const { select, overlap } = joinSelect(m, n);
      if (overlap.length)
        ctx.logger.warn(`Fields [${overlap.join(', ')}] are in both pools; the values of ${n.path} are kept.`);
      const path = pyJoin(out, `${prefix}_cartesian_join_${i}_${j}.jsonl`);
      await writePool(ctx, select, path, {
        operation: 'data_pool_cartesian_join',
        params: { i, j, overlapping_fields: overlap },
        parents: [leftPath, n.path],
      });
      written.push(path);
    }
  }
  return written;
}
