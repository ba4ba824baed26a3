import { pyJoin } from '@dj-sandbox/core';
import { type DuckDBType, DuckDBTypeId } from '@duckdb/node-api';
import { z } from 'zod';
import { checkIoPaths } from '../helpers/check-io-paths.ts';
import { addSuffixToFilename, basenameNoext } from '../helpers/names.ts';
import { baseConfig, exportPath, pathList } from '../helpers/params.ts';
import type { PoolContext } from '../helpers/pool-context.ts';
import { sqlIdent, sqlString } from '../io/duck-session.ts';
import { loadPool } from '../io/load-pool.ts';
import { isNumericType, writePool } from '../io/write-pool.ts';

const RATIO_MESSAGE = 'split_ratios should be in (0, 1).';

const ratio = z.union([z.number(), z.string()]).transform((v, c) => {
  const [num, den, extra] = typeof v === 'number' ? [v, 1] : v.split('/').map((s) => Number(s.trim()));
  const value = den === undefined ? num! : extra === undefined ? num! / den : Number.NaN;
  if (!(value > 0 && value < 1)) c.addIssue({ code: 'custom', message: RATIO_MESSAGE });
  return value;
});

/** Parameters of `data_pool_construction`, with the reference's defaults. */
export const constructionParams = baseConfig.extend({
  dataset_path: pathList,
  export_path: exportPath,
  split_ratios: z.array(ratio).default([1 / 3, 2 / 3]),
  split_num: z.number().int().positive('split_num should be a positive integer.').nullable().default(null),
  ignore_stats: z.boolean().default(false),
});

/** Parsed parameters of `data_pool_construction`. */
export type ConstructionParams = z.output<typeof constructionParams>;

/** The split points `[0, ..., N]` of the reference. */
export function splitPoints(n: number, ratios: readonly number[], splitNum: number | null): number[] {
  const points: number[] = [];
  if (splitNum !== null) for (let p = splitNum; p < n; p += splitNum) points.push(p);
  else for (const r of ratios) points.push(Math.floor(n * r + 0.5));
  return [0, ...points, n];
}

const isNumberish = (t: DuckDBType) => isNumericType(t.typeId);

/** The SQL sort value of one stats key, or `undefined` when the reference skips it (strings, lists of strings). */
function sortValue(field: string, type: DuckDBType): string | undefined {
  if (isNumberish(type)) return type.typeId === DuckDBTypeId.BOOLEAN ? `${field}::INTEGER` : field;
  if ((type.typeId === DuckDBTypeId.LIST || type.typeId === DuckDBTypeId.ARRAY) && isNumberish(type.valueType)) {
    return `CASE WHEN ${field} IS NULL THEN NULL ELSE coalesce(list_avg(list_transform(${field}, x -> x::DOUBLE)), 0) END`;
  }
  return undefined;
}

/**
 * `data_pool_construction`: splits each analysed pool into rank-ordered parts, once per stats key
 * (docs/data-pools.md#data_pool_construction). The sorts accumulate as the reference's in-place stable sorts do: the
 * order for key k is by (v_k, v_{k-1}, ..., v_1, original position). Differences: a skipped pool (no stats, empty) is
 * skipped cleanly, and null stats sort first instead of failing.
 */
export async function runConstruction(params: ConstructionParams, ctx: PoolContext): Promise<string[]> {
  const { inputs, exportPath: out } = await checkIoPaths(ctx, params.dataset_path, params.export_path);
  const written: string[] = [];
  const shape = { split_ratios: params.split_ratios, split_num: params.split_num, ignore_stats: params.ignore_stats };
  for (const input of inputs) {
    const pool = await loadPool(ctx, input);
    if (pool.rows === 0 || !pool.table) {
      ctx.logger.warn(`Dataset [${input}] is empty. Skipped!`);
      continue;
    }
    const stem = basenameNoext(input);
    const points = splitPoints(pool.rows, params.split_ratios, params.split_num);
    const t = pool.table;
    const writeParts = async (
      rank: string,
      from: string,
      dir: string,
      label: string,
      extra: Record<string, unknown>,
    ) => {
      for (let i = 0; i + 1 < points.length; i++) {
        const path = pyJoin(dir, addSuffixToFilename(stem, `_${label}_${i}.jsonl`));
        const select = `SELECT t.* FROM ${from} WHERE ${rank} >= ${points[i]} AND ${rank} < ${points[i + 1]} ORDER BY ${rank}`;
        await writePool(ctx, select, path, {
          operation: 'data_pool_construction',
          params: { ...shape, ...extra, part: i },
          parents: [input],
        });
        written.push(path);
      }
    };
    if (params.ignore_stats) {
      await writeParts('t.rowid', `${t} t`, out, 'ignore_stats', {});
      continue;
    }
    const stats = pool.columns.find((c) => c.name === '__dj__stats__')?.type;
    if (!stats || stats.typeId !== DuckDBTypeId.STRUCT || stats.entryNames.length === 0) {
      ctx.logger.warn(`Dataset [${input}] has no stats (a non-empty __dj__stats__ struct). Skipped!`);
      continue;
    }
    const sortKeys: string[] = [];
    for (const [i, key] of stats.entryNames.entries()) {
      const value = sortValue(
        `struct_extract(t.${sqlIdent('__dj__stats__')}, ${sqlString(key)})`,
        stats.entryTypes[i]!,
      );
      if (value === undefined) {
        ctx.logger.info(`Stats key [${key}] is not numeric. Skipped!`);
        continue;
      }
      sortKeys.unshift(`${value} ASC NULLS FIRST`);
      const ranks = ctx.session.tableName('ranks');
      await ctx.session.run(
        `CREATE TEMP TABLE ${ranks} AS SELECT t.rowid AS row_pos, row_number() OVER (ORDER BY ${sortKeys.join(', ')}, t.rowid) - 1 AS row_rank FROM ${t} t`,
      );
      await writeParts('r.row_rank', `${t} t JOIN ${ranks} r ON t.rowid = r.row_pos`, pyJoin(out, key), key, {
        stats_key: key,
      });
      await ctx.session.run(`DROP TABLE ${ranks}`);
    }
  }
  return written;
}
