import { existsSync, readFileSync } from 'node:fs';
import type { ConfigTree } from '@dj-sandbox/core';
import { createTestRun, testHooksPlugin } from '@dj-sandbox/test-utils';
import { describe, expect, it } from 'vitest';
import plugin from './plugin.ts';

const heldout = readFileSync(new URL('./__fixtures__/heldout-sample.jsonl', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as { text: string; label: number });
const toJsonl = (rows: object[]) => rows.map((r) => `${JSON.stringify(r)}\n`).join('');

async function evaluate(extraConfigs: ConfigTree, evalType: unknown = 'data') {
  const hooks = testHooksPlugin({
    EvaluateDataHook: async (ctx) => (await ctx.components.create('DataEvaluator', ctx.extraConfigs)).run(evalType),
  });
  const run = await createTestRun({
    config: {
      evaluation_job_configs: [{ hook: 'EvaluateDataHook', meta_name: 'quality', extra_configs: extraConfigs }],
    },
    plugins: [plugin, hooks],
    files: {
      'prose.jsonl': toJsonl(
        heldout.filter((r) => r.label === 1).map((r) => ({ text: r.text, meta: { src: 'book' } })),
      ),
      'spam.json': JSON.stringify(heldout.filter((r) => r.label === 0).map((r) => ({ content: r.text }))),
      'demo.jsonl': readFileSync(new URL('./__fixtures__/data-demo-dataset.jsonl', import.meta.url), 'utf8'),
    },
  });
  const result = await run.run();
  return { run, value: result.contexts[0]!.lookup('anonymous.quality.0') };
}

describe('dj_text_quality_classifier evaluator', () => {
  it('returns the mean doc_score, high for held-out prose and low for spam', async () => {
    const prose = await evaluate({ type: 'dj_text_quality_classifier', dataset_path: 'prose.jsonl' });
    const spam = await evaluate({ type: 'dj_text_quality_classifier', dataset_path: 'spam.json', text_key: 'content' });
    expect(prose.value.found && (prose.value.value as number)).toBeGreaterThan(0.9);
    expect(spam.value.found && (spam.value.value as number)).toBeLessThan(0.1);
  });

  it('writes its scored rows to <dataset_path>.tmp_res.jsonl and deletes them afterwards, as the reference does', async () => {
    const { run, value } = await evaluate({ type: 'dj_text_quality_classifier', dataset_path: 'demo.jsonl' });
    expect(typeof (value.found && value.value)).toBe('number');
    expect(existsSync(run.path('demo.jsonl.tmp_res.jsonl'))).toBe(false);
  });

  it('keeps the result dataset at result_path: every row with doc_score and should_keep, and overall stats', async () => {
    const { run, value } = await evaluate({
      type: 'dj_text_quality_classifier',
      dataset_path: 'demo.jsonl',
      result_path: 'scored',
      keep_method: 'label',
    });
    const rows = readFileSync(run.path('scored/part-00000.json'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { text: string; doc_score: number; should_keep: number; meta: unknown });
    const input = readFileSync(run.path('demo.jsonl'), 'utf8').trim().split('\n');
    expect(rows).toHaveLength(input.length);
    expect(rows.map((r) => r.text)).toEqual(input.map((l) => JSON.parse(l).text));
    expect(rows.every((r) => r.should_keep === (r.doc_score > 0.5 ? 1 : 0))).toBe(true);
    const mean = rows.reduce((s, r) => s + r.doc_score, 0) / rows.length;
    expect(value).toEqual({ found: true, value: expect.closeTo(mean, 12) });
    const csv = readFileSync(run.path('scored/overall.csv'), 'utf8').split('\n');
    expect(csv.slice(0, 2)).toEqual([',doc_score', `count,${rows.length}.0`]);
    expect(existsSync(run.path('scored/overall.md'))).toBe(true);
  });

  it('draws the gpt3 keep decisions from a seeded Pareto stream, so the same seed keeps the same rows', async () => {
    const keeps = async (seed: number) => {
      const { run } = await evaluate({
        type: 'dj_text_quality_classifier',
        dataset_path: 'prose.jsonl',
        result_path: 'scored',
        seed,
      });
      return readFileSync(run.path('scored/part-00000.json'), 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).should_keep as number);
    };
    const a = await keeps(42);
    expect(await keeps(42)).toEqual(a);
    // P(keep | s) = (2 - s)^-9: held-out prose scores near 1, so nearly all of it is kept.
    expect(a.filter((k) => k === 1).length).toBeGreaterThan(80);
  });

  it('supports only the data evaluation type, as the reference', async () => {
    await expect(evaluate({ type: 'dj_text_quality_classifier', dataset_path: 'demo.jsonl' }, {})).rejects.toThrow(
      /Unsupported evaluation type: \{\}/,
    );
  });

  it("explains that Data-Juicer's Spark models are not loadable yet and how to get a model", async () => {
    await expect(
      evaluate({ type: 'dj_text_quality_classifier', dataset_path: 'demo.jsonl', model: 'gpt3' }),
    ).rejects.toThrow(/\[plugin:evaluator-quality-classifier\].*"gpt3" model is a Spark model.*quality train/s);
  });

  it('names dataset_path when it is missing', async () => {
    await expect(evaluate({ type: 'dj_text_quality_classifier' })).rejects.toThrow(
      /extra_configs\.dataset_path: dj_text_quality_classifier needs dataset_path/,
    );
  });
});
