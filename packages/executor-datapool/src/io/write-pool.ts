import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { withAtomicFile, writeFileAtomic } from '@dj-sandbox/core';
import { DuckDBTypeId } from '@duckdb/node-api';
import type { PoolContext } from '../helpers/pool-context.ts';
import { sqlIdent, sqlString } from './duck-session.ts';

/** The provenance of a written pool, stored next to it as `<pool>.meta.json`. */
export interface Provenance {
  /** The manipulator type, e.g. `data_pool_construction`. */
  operation: string;
  /** The parameters it ran with (the parts that shaped this pool). */
  params: Record<string, unknown>;
  /** The pools this one was made from, as the config wrote them. */
  parents: string[];
}

/** The sidecar's content. */
export interface PoolMeta extends Provenance {
  pool: string;
  samples: number;
  /** mean/min/max of each numeric `__dj__stats__` key over the pool's rows, when there are any. */
  stats: Record<string, { mean: number | null; min: number | null; max: number | null }>;
  producer: '@dj-sandbox/executor-datapool';
}

const NUMERIC = new Set<DuckDBTypeId>([
  DuckDBTypeId.BOOLEAN,
  DuckDBTypeId.TINYINT,
  DuckDBTypeId.SMALLINT,
  DuckDBTypeId.INTEGER,
  DuckDBTypeId.BIGINT,
  DuckDBTypeId.UTINYINT,
  DuckDBTypeId.USMALLINT,
  DuckDBTypeId.UINTEGER,
  DuckDBTypeId.UBIGINT,
  DuckDBTypeId.HUGEINT,
  DuckDBTypeId.UHUGEINT,
  DuckDBTypeId.FLOAT,
  DuckDBTypeId.DOUBLE,
  DuckDBTypeId.DECIMAL,
]);

/** True for DuckDB number and boolean types. */
export function isNumericType(typeId: DuckDBTypeId): boolean {
  return NUMERIC.has(typeId);
}

async function summarise(ctx: PoolContext, select: string): Promise<Pick<PoolMeta, 'samples' | 'stats'>> {
  const columns = await ctx.session.columns(select);
  const stats = columns.find((c) => c.name === '__dj__stats__')?.type;
  const keys =
    stats?.typeId === DuckDBTypeId.STRUCT
      ? stats.entryNames.filter((_, i) => isNumericType(stats.entryTypes[i]!.typeId))
      : [];
  const parts = ['count(*)::DOUBLE AS "n"'];
  keys.forEach((key, i) => {
    const v = `struct_extract(q.${sqlIdent('__dj__stats__')}, ${sqlString(key)})::DOUBLE`;
    parts.push(`avg(${v}) AS "mean_${i}"`, `min(${v}) AS "min_${i}"`, `max(${v}) AS "max_${i}"`);
  });
  const [row] = await ctx.session.rows(`SELECT ${parts.join(', ')} FROM (${select}) q`);
  const num = (v: unknown) => (typeof v === 'number' ? v : v === null || v === undefined ? null : Number(v));
  const out: PoolMeta['stats'] = {};
  keys.forEach((key, i) => {
    out[key] = { mean: num(row?.[`mean_${i}`]), min: num(row?.[`min_${i}`]), max: num(row?.[`max_${i}`]) };
  });
  return { samples: Number(row?.n ?? 0), stats: out };
}

/** Writes the `<pool>.meta.json` sidecar. */
async function writeSidecar(absolute: string, meta: PoolMeta): Promise<void> {
  await writeFileAtomic(`${absolute}.meta.json`, `${JSON.stringify(meta, null, 2)}\n`);
}

/**
 * Writes the rows of `select` (in its order) as JSON Lines to `path` (relative to the working directory), with
 * its provenance sidecar. `select: null` writes an empty pool. Returns the number of samples written.
 */
export async function writePool(
  ctx: PoolContext,
  select: string | null,
  path: string,
  provenance: Provenance,
): Promise<number> {
  const absolute = resolve(ctx.cwd, path);
  await mkdir(dirname(absolute), { recursive: true });
  let summary: Pick<PoolMeta, 'samples' | 'stats'> = { samples: 0, stats: {} };
  if (select === null) {
    await writeFileAtomic(absolute, '');
  } else {
    // DuckDB writes to a temporary name; the pool appears under its own name only when complete.
    await withAtomicFile(absolute, (temp) => ctx.session.run(`COPY (${select}) TO ${sqlString(temp)} (FORMAT json)`));
    summary = await summarise(ctx, select);
  }
  await writeSidecar(absolute, { pool: path, ...provenance, ...summary, producer: '@dj-sandbox/executor-datapool' });
  return summary.samples;
}
