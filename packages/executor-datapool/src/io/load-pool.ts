import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { DuckDBType } from '@duckdb/node-api';
import { POOL_EXTENSIONS } from '../helpers/names.ts';
import { type PoolContext, poolError } from '../helpers/pool-context.ts';
import { sqlIdent, sqlString } from './duck-session.ts';

/** A data pool loaded into a DuckDB table; `rowid` is the row's position in the pool. */
export interface Pool {
  /** The path as the config wrote it. */
  path: string;
  /** The table holding its rows; `null` for an empty pool (DuckDB cannot type zero columns). */
  table: string | null;
  rows: number;
  columns: Array<{ name: string; type: DuckDBType }>;
}

const SIDECAR = '.meta.json';

async function poolFiles(absolute: string): Promise<string[]> {
  const info = await stat(absolute);
  if (!info.isDirectory()) return [absolute];
  const names = (await readdir(absolute)).filter(
    (n) => !n.endsWith(SIDECAR) && POOL_EXTENSIONS.some((e) => n.toLowerCase().endsWith(e)),
  );
  return names.sort().map((n) => join(absolute, n));
}

function reader(files: string[]): string {
  const list = `[${files.map(sqlString).join(', ')}]`;
  const first = files[0]!.toLowerCase();
  if (first.endsWith('.parquet')) return `read_parquet(${list}, union_by_name = true)`;
  if (first.endsWith('.csv')) return `read_csv(${list}, union_by_name = true, header = true)`;
  if (first.endsWith('.tsv')) return `read_csv(${list}, union_by_name = true, header = true, delim = '\t')`;
  // sample_size = -1: infer the schema from every row, so a field seen only late in a big pool is kept
  return `read_json_auto(${list}, union_by_name = true, sample_size = -1, format = 'auto')`;
}

/**
 * Loads a pool (a JSON Lines / JSON array / Parquet / CSV / TSV file, optionally gz/zst-compressed JSON, or a
 * directory of them; `.meta.json` sidecars are ignored) into a DuckDB table in file order. Rows are
 * schema-unified as the reference's loader does: every row gets every column, missing fields (also inside
 * structs) become null, and int/float mixes become float.
 */
export async function loadPool(ctx: PoolContext, path: string): Promise<Pool> {
  const files = await poolFiles(resolve(ctx.cwd, path));
  const sizes = await Promise.all(files.map(async (f) => (await stat(f)).size));
  if (sizes.every((s) => s === 0)) return { path, table: null, rows: 0, columns: [] };
  const table = ctx.session.tableName('pool');
  try {
    await ctx.session.run(`CREATE TABLE ${table} AS SELECT * FROM ${reader(files)}`);
  } catch (cause) {
    throw poolError(ctx, 'data-pool-load', `cannot load the data pool ${path}: ${(cause as Error).message}`, {
      expected: `JSON Lines, JSON, Parquet, CSV or TSV (${POOL_EXTENSIONS.join(', ')})`,
      received: path,
      fix: 'Check that the file is complete and in one of these formats.',
    });
  }
  const columns = await ctx.session.columns(`SELECT * FROM ${table}`);
  if (columns.some((c) => c.name === 'rowid')) {
    throw poolError(ctx, 'data-pool-rowid', `the data pool ${path} has a column named rowid.`, {
      expected: 'no column named rowid (DuckDB reserves it for row positions)',
      received: columns.map((c) => c.name),
      fix: 'Rename the rowid field in the pool.',
    });
  }
  const [count] = await ctx.session.rows(`SELECT count(*)::DOUBLE AS n FROM ${table}`);
  const rows = Number(count?.n ?? 0);
  if (rows === 0) {
    await ctx.session.run(`DROP TABLE ${sqlIdent(table)}`);
    return { path, table: null, rows: 0, columns: [] };
  }
  return { path, table, rows, columns };
}
