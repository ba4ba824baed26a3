import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ConfigTree, ProcessDataResult } from '@dj-sandbox/core';
import { processRecipe } from '../components/process-recipe.ts';
import { type TestEnv, tempDir, testEnv } from './test-env.ts';

/** Rows of a JSONL file. */
export function readJsonl(path: string): Record<string, unknown>[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
}

/** Runs a recipe (np 1 and an export under a fresh temp folder unless given) with the test operators. */
export async function runRecipe(
  recipe: ConfigTree,
  options: { env?: TestEnv; batchSize?: number } = {},
): Promise<{ result: ProcessDataResult; env: TestEnv; out: string }> {
  const env = options.env ?? (await testEnv());
  const out = tempDir();
  const full = { np: 1, export_path: join(out, 'result.jsonl'), ...recipe };
  const result = await processRecipe(full, env, options.batchSize);
  return { result, env, out };
}
