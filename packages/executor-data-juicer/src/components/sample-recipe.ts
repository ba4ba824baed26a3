import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, rename } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { type ComponentEnv, type ConfigTree, configError, type SampleDataOptions } from '@dj-sandbox/core';
import { numpyPermutation } from '@dj-sandbox/numpy-random';
import { processRecipe } from './process-recipe.ts';

const SELECTOR_ALGOS = new Set(['frequency_specified_field_selector', 'topk_specified_field_selector']);

/**
 * Data-Juicer's `sample_data` for ProbeViaModelInferHook (see docs/language-models.md): `uniform` loads the recipe's dataset and
 * keeps `ceil(n × ratio)` rows in the order of a seed-42 shuffle (Data-Juicer's `random_sample`, whose shuffle is
 * numpy's `default_rng(42).permutation`); the two field selectors run as the only operator of the recipe with
 * `params`. The sample is written as JSON Lines to `exportPath` (temporary name, then rename).
 */
export async function sampleRecipe(recipe: ConfigTree, options: SampleDataOptions, env: ComponentEnv): Promise<string> {
  const { ratio, algo, exportPath } = options;
  if (algo !== 'uniform' && !SELECTOR_ALGOS.has(algo)) {
    throw configError('probe-algo-unknown', 'data_probe_algo names no sampling algorithm.', {
      plugin: 'executor-data-juicer',
      path: 'dj_configs.data_probe_algo',
      expected: `uniform, ${[...SELECTOR_ALGOS].join(' or ')}`,
      received: algo,
      fix: 'Use uniform (the default) or one of the field selectors.',
    });
  }
  await mkdir(dirname(exportPath), { recursive: true });
  const scratch = mkdtempSync(join(dirname(exportPath), '.sample-'));
  try {
    const process = algo === 'uniform' ? [] : [{ [algo]: { ...(options.params ?? {}) } }];
    const loaded = join(scratch, 'loaded.jsonl');
    const result = await processRecipe({ ...recipe, process, export_path: loaded, np: 1 }, env);
    const lines = readFileSync(result.exportPath, 'utf8').split('\n').filter(Boolean);
    const keep = algo === 'uniform' ? uniformSample(lines, ratio) : lines;
    env.logger.info(`Sampled ${keep.length} of ${lines.length} rows (${algo}, ratio ${ratio}).`);
    const tmp = join(scratch, 'sample.jsonl');
    writeFileSync(tmp, keep.length ? `${keep.join('\n')}\n` : '');
    await rename(tmp, exportPath);
    return exportPath;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Data-Juicer's `random_sample(ds, weight=ratio)` with its default seed 42. */
export function uniformSample<T>(rows: readonly T[], ratio: number): T[] {
  const n = Math.ceil(rows.length * ratio);
  if (n === rows.length) return [...rows];
  const perm = numpyPermutation(rows.length, 42);
  return Array.from({ length: n }, (_, k) => rows[perm[k]!]!);
}
