import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ConfigTree, ProcessDataResult } from '@dj-sandbox/core';
import type { RunTuning } from '../components/engine-env.ts';
import { processRecipe } from '../components/process-recipe.ts';
import { type TestEnv, tempDir, testEnv } from './test-env.ts';

/** Rows of a JSONL file. */
export function readJsonl(path: string): Record<string, unknown>[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
}

/**
 * Runs a recipe (np 1 and an export under a fresh temp folder unless given) with the test operators; `tuning` as
 * {@link RunTuning} (`mainThreadBatches: false` sends every batch of an np > 1 run through a worker thread).
 */
export async function runRecipe(
  recipe: ConfigTree,
  options: { env?: TestEnv } & RunTuning = {},
): Promise<{ result: ProcessDataResult; env: TestEnv; out: string }> {
  const env = options.env ?? (await testEnv());
  const out = tempDir();
  const full = { np: 1, export_path: join(out, 'result.jsonl'), ...recipe };
  const { env: _env, ...tuning } = options;
  const result = await processRecipe(full, env, tuning);
  return { result, env, out };
}
