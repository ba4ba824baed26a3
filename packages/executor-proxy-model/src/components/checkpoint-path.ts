import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { configError } from '@dj-sandbox/core';

/**
 * Resolves a checkpoint folder and checks that it holds a `config.json` of the expected format, with a config
 * error naming `key` otherwise.
 */
export function checkpointDir(given: string, cwd: string, key: string, type: string): string {
  const dir = resolve(cwd, given);
  if (!existsSync(join(dir, 'config.json'))) {
    throw configError('proxy-model-checkpoint-missing', `${type}: no checkpoint at ${JSON.stringify(given)}.`, {
      path: `extra_configs.${key}`,
      expected: `a folder with the config.json written by the ${type} trainer`,
      received: given,
      fix: `Set ${key} to the output of the training job, e.g. input: {extra_configs.${key}: -1.train_model}.`,
    });
  }
  return dir;
}
