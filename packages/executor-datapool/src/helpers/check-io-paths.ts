import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { type PoolContext, poolError } from './pool-context.ts';

/** Existing inputs in their original order, and the export folder (created). */
export interface IoPaths {
  inputs: string[];
  exportPath: string;
}

/**
 * The reference's `check_io_paths`: a string input becomes a list, missing inputs are dropped with the log
 * `Input paths [a,b] does not exist. Skipped!`, and the export path is created as a directory. Differs from the
 * reference in failing clearly when no input exists (the reference returned null and every caller crashed).
 */
export async function checkIoPaths(
  ctx: PoolContext,
  inputs: string | readonly string[],
  exportPath: string | null | undefined,
  keys: { inputs: string; exportPath: string } = { inputs: 'dataset_path', exportPath: 'export_path' },
): Promise<IoPaths> {
  const list = typeof inputs === 'string' ? [inputs] : [...inputs];
  const existing = list.filter((p) => existsSync(resolve(ctx.cwd, p)));
  const missing = list.filter((p) => !existing.includes(p));
  if (missing.length > 0) ctx.logger.warn(`Input paths [${missing.join(',')}] does not exist. Skipped!`);
  if (existing.length === 0) {
    throw poolError(ctx, 'data-pool-no-input', 'none of the input data pools exists.', {
      path: `extra_configs.${keys.inputs}`,
      expected: 'at least one existing file or directory (relative paths resolve against the working directory)',
      received: list,
      fix: `Check the paths, or that the job producing them ran first (cwd: ${ctx.cwd}).`,
    });
  }
  if (exportPath === null || exportPath === undefined || exportPath === '') {
    throw poolError(ctx, 'data-pool-no-export', 'export_path is not specified.', {
      path: `extra_configs.${keys.exportPath}`,
      expected: 'a directory to write the pools to',
      received: exportPath ?? null,
      fix: `Add ${keys.exportPath}: ./outputs/<name>/ to extra_configs.`,
    });
  }
  await mkdir(resolve(ctx.cwd, exportPath), { recursive: true });
  return { inputs: existing, exportPath };
}
