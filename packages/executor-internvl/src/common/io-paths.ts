import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { ComponentEnv } from '@dj-sandbox/core';
import { internvlError } from './errors.ts';

/** Python's `os.path.basename` followed by `splitext(...)[0]` (the reference's `basename_noext`). */
export function basenameNoext(path: string): string {
  const base = path.replace(/\/+$/, '').split('/').pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot <= 0 || /^\.+$/.test(base.slice(0, dot + 1)) ? base : base.slice(0, dot);
}

/** A path or a list of paths from the config, or an error naming the key. */
export function pathList(env: ComponentEnv, value: unknown, key: string): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  throw internvlError(env, `extra_configs.${key}`, `${key} must be a path or a list of paths.`, {
    expected: 'a string or a list of strings',
    received: value,
    fix: `Set ${key} (often filled with input: from the job that wrote the files).`,
  });
}

/**
 * The reference's `check_io_paths`: missing inputs are dropped with `Input paths [..] does not exist. Skipped!`;
 * the export path is always a directory and is created. Unlike the reference, no input left is a clear error.
 */
export async function checkIoPaths(
  env: ComponentEnv,
  cwd: string,
  inputs: readonly string[],
  exportPath: unknown,
  keys: { inputs: string; exportPath: string },
): Promise<{ inputs: string[]; exportDir: string }> {
  const existing = inputs.filter((p) => existsSync(resolve(cwd, p)));
  const missing = inputs.filter((p) => !existing.includes(p));
  if (missing.length > 0) env.logger.warn(`Input paths [${missing.join(',')}] does not exist. Skipped!`);
  if (existing.length === 0) {
    throw internvlError(env, `extra_configs.${keys.inputs}`, 'none of the input paths exists.', {
      expected: `existing files (relative paths resolve against ${cwd})`,
      received: inputs,
      fix: 'Check the paths, or that the job producing them ran first.',
    });
  }
  if (typeof exportPath !== 'string' || exportPath === '') {
    throw internvlError(env, `extra_configs.${keys.exportPath}`, `${keys.exportPath} is not specified.`, {
      expected: 'a directory to write to',
      received: exportPath ?? null,
      fix: `Add ${keys.exportPath}: <directory> to extra_configs.`,
    });
  }
  const exportDir = resolve(cwd, exportPath);
  await mkdir(exportDir, { recursive: true });
  return { inputs: existing, exportDir };
}
