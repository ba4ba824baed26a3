import { statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { pyJoin } from '@dj-sandbox/core';
import type { z } from 'zod';
import { checkIoPaths } from '../helpers/check-io-paths.ts';
import { lcp, POOL_EXTENSIONS } from '../helpers/names.ts';
import { baseConfig, exportPath, pathList } from '../helpers/params.ts';
import { type PoolContext, poolError } from '../helpers/pool-context.ts';
import { loadPool, type Pool } from '../io/load-pool.ts';
import { writePool } from '../io/write-pool.ts';

/** Parameters of `data_pool_merging`. */
export const mergingParams = baseConfig.extend({ dataset_path: pathList, export_path: exportPath });

/** Parsed parameters of `data_pool_merging`. */
export type MergingParams = z.output<typeof mergingParams>;

function isFileLike(cwd: string, path: string): boolean {
  if (!POOL_EXTENSIONS.some((e) => path.toLowerCase().endsWith(e))) return false;
  try {
    return !statSync(resolve(cwd, path)).isDirectory();
  } catch {
    return true;
  }
}

/**
 * `data_pool_merging` (docs/data-pools.md#data_pool_merging): concatenates the pools in order (columns unified by name)
 * and returns the single merged path `<export>/<P>_merged.jsonl`. Difference: an `export_path` named like a data file
 * (`new_prompts.jsonl`) that is not an existing directory is the merged file itself (the reference made a directory of
 * that name).
 */
export async function runMerging(params: MergingParams, ctx: PoolContext): Promise<string> {
  const asFile = typeof params.export_path === 'string' && isFileLike(ctx.cwd, params.export_path);
  const folder = asFile ? dirname(params.export_path!) : params.export_path;
  const { inputs, exportPath: out } = await checkIoPaths(ctx, params.dataset_path, folder);
  const path = asFile ? params.export_path! : pyJoin(out, `${lcp(inputs) || 'default_prefix'}_merged.jsonl`);
  await mkdir(dirname(resolve(ctx.cwd, path)), { recursive: true });
  const pools: Pool[] = [];
  for (const input of inputs) pools.push(await loadPool(ctx, input));
  const parts = pools
    .map((p, i) => (p.table ? `SELECT *, ${i} AS __dp_src, rowid AS __dp_row FROM ${p.table}` : undefined))
    .filter((s): s is string => s !== undefined);
  const select = parts.length
    ? `SELECT * EXCLUDE (__dp_src, __dp_row) FROM (${parts.join(' UNION ALL BY NAME ')}) ORDER BY __dp_src, __dp_row`
    : null;
  try {
    await writePool(ctx, select, path, { operation: 'data_pool_merging', params: {}, parents: inputs });
  } catch (cause) {
    throw poolError(ctx, 'data-pool-merge-schema', `cannot merge the pools: ${(cause as Error).message}`, {
      path: 'extra_configs.dataset_path',
      expected: 'pools whose columns of the same name have compatible types',
      received: inputs,
      fix: 'Convert the conflicting fields to one type before merging.',
    });
  }
  return path;
}
