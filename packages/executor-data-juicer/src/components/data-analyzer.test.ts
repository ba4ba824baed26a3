import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataAnalyzerComponent } from '@dj-sandbox/core';
import { describe, expect, it } from 'vitest';
import { loadRecipeFile } from '../recipe/load-recipe-file.ts';
import { FIXTURES, tempDir, testEnv } from '../test-helpers/test-env.ts';
import { analyzeRecipe } from './analyze-recipe.ts';
import { dataAnalyzerComponent } from './data-analyzer.ts';
import type { RunTuning } from './engine-env.ts';

const readJsonl = (path: string): Record<string, unknown>[] =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));

function quantile(sorted: number[], p: number): number {
  const pos = p * (sorted.length - 1);
  const lo = Math.floor(pos);
  return sorted[lo]! + (sorted[Math.ceil(pos)]! - sorted[lo]!) * (pos - lo);
}

/** The demo recipe through the component, or straight through analyzeRecipe with `tuning`. */
async function analyzeDemo(extra: Record<string, unknown> = {}, tuning?: RunTuning) {
  const env = await testEnv();
  const out = tempDir();
  const recipe = loadRecipeFile(join(FIXTURES, 'demo-process.yaml'));
  recipe.dataset_path = join(FIXTURES, 'data-demo-dataset.jsonl');
  recipe.export_path = join(out, 'demo-process', 'demo-processed.jsonl');
  recipe.process = [...(recipe.process as unknown[]), { text_len_test_filter: { min: 30 } }];
  Object.assign(recipe, extra);
  if (tuning) return { out, result: await analyzeRecipe(recipe, env, tuning) };
  const component = (await dataAnalyzerComponent.create(recipe, env)) as DataAnalyzerComponent;
  return { out, result: await component.run() };
}

describe('the DataAnalyzer component', () => {
  it('analyzes the demo dataset with every filter and removes nothing', async () => {
    const { out, result } = await analyzeDemo();
    const dir = join(out, 'demo-process');
    expect(result.statsPath).toBe(join(dir, 'demo-processed_stats.jsonl'));
    expect(result.analysisDir).toBe(join(dir, 'analysis'));
    expect(existsSync(join(dir, 'demo-processed.jsonl'))).toBe(false);
    const stats = readJsonl(result.statsPath).map((r) => r.__dj__stats__ as Record<string, unknown>);
    expect(stats).toHaveLength(6);
    expect(result.samples).toBe(6);
    expect(Object.keys(stats[0]!)).toEqual(['lang', 'lang_score', 'text_len']);
    expect(readdirSync(result.analysisDir).sort()).toEqual([
      'lang-hist.png',
      'lang_score-box.png',
      'lang_score-hist.png',
      'overall.csv',
      'overall.md',
      'stats-corr-pearson.png',
      'text_len-box.png',
      'text_len-hist.png',
    ]);
    expect(result.figures).toHaveLength(6);
  });

  it('computes the overall table from the stats file as pandas describe does (sample std, linear percentiles)', async () => {
    const { result } = await analyzeDemo({ percentiles: [0.1] });
    const stats = readJsonl(result.statsPath).map((r) => r.__dj__stats__ as Record<string, number>);
    const lens = stats.map((s) => s.text_len!).sort((a, b) => a - b);
    const mean = lens.reduce((a, b) => a + b, 0) / lens.length;
    const std = Math.sqrt(lens.reduce((a, b) => a + (b - mean) ** 2, 0) / (lens.length - 1));
    const row = result.overall.text_len!;
    expect(row.count).toBe(6);
    expect(row.mean).toBeCloseTo(mean, 12);
    expect(row.std).toBeCloseTo(std, 12);
    expect(row.min).toBe(lens[0]);
    expect(row['10%']).toBeCloseTo(quantile(lens, 0.1), 12);
    expect(row['25%']).toBeCloseTo(quantile(lens, 0.25), 12);
    expect(row['50%']).toBeCloseTo(quantile(lens, 0.5), 12);
    expect(row['75%']).toBeCloseTo(quantile(lens, 0.75), 12);
    expect(row.max).toBe(lens[5]);
    expect(Object.keys(result.overall)).toEqual(['lang', 'lang_score', 'text_len']);
    expect(result.overall.lang).toEqual({
      count: 6,
      mean: null,
      std: null,
      min: null,
      '10%': null,
      '25%': null,
      '50%': null,
      '75%': null,
      max: null,
    });

    const csv = readFileSync(join(result.analysisDir, 'overall.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toBe(',lang,lang_score,text_len');
    expect(csv.map((l) => l.split(',')[0])).toEqual([
      '',
      'count',
      'unique',
      'top',
      'freq',
      'mean',
      'std',
      'min',
      '10%',
      '25%',
      '50%',
      '75%',
      'max',
    ]);
    const langs = stats.map((s) => s.lang as unknown as string);
    const en = langs.filter((l) => l === 'en').length;
    expect(csv[1]).toBe(`count,6.0,6.0,6.0`);
    expect(csv[2]).toBe(`unique,2.0,,`);
    expect(csv[3]).toBe(`top,${en >= 3 ? 'en' : 'zh'},,`);
    expect(csv[4]).toBe(`freq,${Math.max(en, 6 - en)}.0,,`);
    expect(csv[7]!.split(',')[3]).toBe(`${lens[0]}.0`);
  });

  it('writes the same stats and overall table with worker threads (raw-lines path) as on one thread', async () => {
    const one = await analyzeDemo({ np: 1 });
    // Every batch through a worker thread: the worker-side parse, stats and serialisation are what is compared.
    const workersOnly = { mainThreadBatches: false };
    const two = await analyzeDemo({ np: 2, export_original_dataset: true }, workersOnly);
    const oneWithDataset = await analyzeDemo({ np: 1, export_original_dataset: true });
    expect(readFileSync(two.result.statsPath, 'utf8')).toBe(readFileSync(one.result.statsPath, 'utf8'));
    expect(two.result.overall).toEqual(one.result.overall);
    expect(readFileSync(two.result.exportPath, 'utf8')).toBe(readFileSync(oneWithDataset.result.exportPath, 'utf8'));
    const noDataset = await analyzeDemo({ np: 2 }, workersOnly);
    expect(readFileSync(noDataset.result.statsPath, 'utf8')).toBe(readFileSync(one.result.statsPath, 'utf8'));
    expect(existsSync(noDataset.result.exportPath)).toBe(false);
  });
});
