import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataExecutorComponent } from '@dj-sandbox/core';
import { describe, expect, it } from 'vitest';
import { loadRecipeFile } from '../recipe/load-recipe-file.ts';
import { FIXTURES, tempDir, testEnv } from '../test-helpers/test-env.ts';
import { dataExecutorComponent } from './data-executor.ts';

const readJsonl = (path: string): Record<string, unknown>[] =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));

describe('the DataExecutor component', () => {
  it('processes the demo recipe and writes the export and the stats side file where Data-Juicer does', async () => {
    const env = await testEnv();
    const out = tempDir();
    const recipe = loadRecipeFile(join(FIXTURES, 'demo-process.yaml'));
    recipe.dataset_path = join(FIXTURES, 'data-demo-dataset.jsonl');
    recipe.export_path = join(out, 'demo-process', 'demo-processed.jsonl');
    recipe.np = 1;
    const component = (await dataExecutorComponent.create(recipe, env)) as DataExecutorComponent;
    const result = await component.run();

    expect(result.exportPath).toBe(join(out, 'demo-process', 'demo-processed.jsonl'));
    expect(result.statsPath).toBe(join(out, 'demo-process', 'demo-processed_stats.jsonl'));
    const rows = readJsonl(result.exportPath);
    const input = readJsonl(join(FIXTURES, 'data-demo-dataset.jsonl'));
    const zh = input.filter((r) => /\p{Script=Han}/u.test(String(r.text)));
    expect(rows.map((r) => r.text)).toEqual(zh.map((r) => r.text));
    // HF datasets unify the meta struct over the whole dataset: every row carries every meta key, null if absent.
    expect(Object.keys(rows[0]!.meta as object)).toEqual(['src', 'date', 'version', 'author']);
    expect((rows[0]!.meta as Record<string, unknown>).date).toBeNull();
    const stats = readJsonl(result.statsPath!);
    expect(stats).toHaveLength(rows.length);
    expect(Object.keys(stats[0]!)).toEqual(['__dj__stats__']);
    expect(result.samplesIn).toBe(input.length);
    expect(result.samplesOut).toBe(zh.length);
    expect(result.ops).toEqual([
      { name: 'language_id_score_filter', samplesOut: zh.length, seconds: expect.any(Number) },
    ]);
    expect(env.ticks.get('[1/1] language_id_score_filter')).toBe(input.length);
  });

  it('draws a uniform probe sample as Data-Juicer does: ceil(n × ratio) rows in seed-42 shuffle order', async () => {
    const env = await testEnv();
    const out = tempDir();
    const recipe = { dataset_path: join(FIXTURES, 'data-demo-dataset.jsonl'), export_path: join(out, 'p.jsonl') };
    const component = (await dataExecutorComponent.create(recipe, env)) as DataExecutorComponent;
    const path = await component.sample!({ ratio: 0.3, algo: 'uniform', exportPath: join(out, 'probe.jsonl') });

    expect(path).toBe(join(out, 'probe.jsonl'));
    // numpy: default_rng(42).permutation(6)[:2] = [3, 2] (the French and the Chinese rows).
    expect(readJsonl(path).map((r) => String(r.text).slice(0, 12))).toEqual(['Sur la plate', '你好，请问你是谁']);
    const all = await component.sample!({ ratio: 1, algo: 'uniform', exportPath: join(out, 'all.jsonl') });
    expect(readJsonl(all)).toHaveLength(6);
  });

  it('rejects a data_probe_algo it does not know, naming the key', async () => {
    const env = await testEnv();
    const recipe = { dataset_path: join(FIXTURES, 'data-demo-dataset.jsonl'), export_path: join(tempDir(), 'p.jsonl') };
    const component = (await dataExecutorComponent.create(recipe, env)) as DataExecutorComponent;
    await expect(
      component.sample!({ ratio: 0.5, algo: 'stratified', exportPath: join(tempDir(), 's.jsonl') }),
    ).rejects.toThrow(/dj_configs.data_probe_algo/);
  });
});
