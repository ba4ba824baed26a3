import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { type ComponentEnv, configError, runInfoRef } from '@dj-sandbox/core';
import type { InferCaller } from '../caller.ts';

/** The run's working directory (relative config paths start there), else the process's. */
export function runCwd(env: Pick<ComponentEnv, 'resolve'>): string {
  try {
    return env.resolve(runInfoRef).cwd;
  } catch {
    return process.cwd();
  }
}

/**
 * The `dataset_path` files that exist, as the reference takes them: missing ones are skipped with a warning, and
 * none left is a config error.
 */
export function existingDatasetPaths(
  value: string | readonly string[] | null | undefined,
  cwd: string,
  env: Pick<ComponentEnv, 'logger'>,
  caller: InferCaller,
): string[] {
  const all = value === undefined || value === null ? [] : typeof value === 'string' ? [value] : [...value];
  const missing = all.filter((p) => !existsSync(resolve(cwd, p)));
  if (missing.length) env.logger.warn(`Input paths ${JSON.stringify(missing)} do not exist. Skipped!`);
  const inputs = all.filter((p) => !missing.includes(p));
  if (inputs.length > 0) return inputs;
  throw configError(`${caller.kind}-dataset-missing`, 'no dataset_path file exists.', {
    plugin: caller.plugin,
    path: 'extra_configs.dataset_path',
    expected: `existing JSONL files (relative paths start at ${cwd})`,
    received: value ?? null,
    fix: 'Set dataset_path, or feed it from an earlier job with input: {extra_configs.dataset_path: -1.<output>}.',
  });
}

/** A model given as a path that exists is resolved against the run's working directory; a hub id is kept. */
export function modelArgument(model: string, cwd: string): string {
  const local = resolve(cwd, model);
  return existsSync(local) ? local : model;
}
