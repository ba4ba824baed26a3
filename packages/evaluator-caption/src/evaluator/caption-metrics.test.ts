import { describe, expect, it } from 'vitest';
import { evaluateCaptions, fixturesDir } from '../test-helpers/evaluate-run.ts';
import {
  countingPythonBridge,
  pycocoevalcapMissing,
  pycocoevalcapReference,
} from '../test-helpers/pycocoevalcap-env.ts';
import { CAPTION_METRICS } from './caption-config.ts';

const missing = await pycocoevalcapMissing();

const noMeteor = ['Bleu_1', 'Bleu_2', 'Bleu_3', 'Bleu_4', 'ROUGE_L', 'CIDEr'];

describe('caption_metrics evaluator', () => {
  it('returns the metrics in the reference order with their mean as avg_score, without Python when METEOR is not asked for', async () => {
    const bridge = countingPythonBridge();
    const result = (await evaluateCaptions(
      { type: 'caption_metrics', dataset_path: 'captions.jsonl', metrics: noMeteor },
      { plugins: [bridge.plugin] },
    )) as { found: boolean; value: Record<string, number> };
    expect(Object.keys(result.value)).toEqual([...noMeteor, 'avg_score']);
    const values = noMeteor.map((m) => result.value[m]!);
    expect(result.value.avg_score).toBeCloseTo(values.reduce((a, b) => a + b) / values.length, 12);
    expect(result.value.Bleu_1).toBeGreaterThan(result.value.Bleu_4!);
    expect(bridge.ensured()).toBe(0);
  });

  it('scores each dataset of a list, one mapping per dataset (ModelEvaluator too)', async () => {
    const result = (await evaluateCaptions(
      { type: 'caption_metrics', dataset_path: ['captions.jsonl', 'captions.jsonl'], metrics: ['CIDEr'] },
      { hook: 'EvaluateModelHook' },
    )) as { value: Record<string, number>[] };
    expect(result.value).toHaveLength(2);
    expect(result.value[0]).toEqual(result.value[1]);
  });

  it('reads the captions from candidate_key / references_key, dotted keys reaching nested fields', async () => {
    const good = (await evaluateCaptions({
      type: 'caption_metrics',
      dataset_path: 'captions.jsonl',
      metrics: ['CIDEr'],
    })) as { value: Record<string, number> };
    const weak = (await evaluateCaptions({
      type: 'caption_metrics',
      dataset_path: 'captions_weak_custom_keys.jsonl',
      candidate_key: 'meta.prediction',
      references_key: 'gts',
      metrics: ['CIDEr'],
    })) as { value: Record<string, number> };
    expect(weak.value.CIDEr).toBeLessThan(good.value.CIDEr!);
  });

  it('names the rows that lack the caption keys and the fix', async () => {
    await expect(
      evaluateCaptions({
        type: 'caption_metrics',
        dataset_path: 'captions_weak_custom_keys.jsonl',
        metrics: ['CIDEr'],
      }),
    ).rejects.toThrow(
      /captions_weak_custom_keys\.jsonl has rows without captions.*row 1: caption is missing.*and 25 more.*candidate_key/s,
    );
  });

  it('skips dataset paths that do not exist and fails clearly when none is left', async () => {
    const result = (await evaluateCaptions({
      type: 'caption_metrics',
      dataset_path: ['missing.jsonl', 'captions.jsonl'],
      metrics: ['ROUGE_L'],
    })) as { value: Record<string, number> };
    expect(Object.keys(result.value)).toEqual(['ROUGE_L', 'avg_score']);
    await expect(evaluateCaptions({ type: 'caption_metrics', dataset_path: 'missing.jsonl' })).rejects.toThrow(
      /\[plugin:evaluator-caption\] \[job:eval\].*None of the dataset paths exists/s,
    );
  });

  it('names an unknown metric and the metrics it knows', async () => {
    await expect(
      evaluateCaptions({ type: 'caption_metrics', dataset_path: 'captions.jsonl', metrics: ['SPICE'] }),
    ).rejects.toThrow(/extra_configs\.metrics.*Bleu_1, Bleu_2, Bleu_3, Bleu_4, METEOR, ROUGE_L, CIDEr/s);
  });

  describe.skipIf(missing)(`with pycocoevalcap ${missing ?? ''}`, () => {
    it("gives all seven of pycocoevalcap COCOEvalCap values, METEOR through env-manager's Python bridge", async () => {
      const reference = await pycocoevalcapReference<{ scores: Record<string, number> }>(
        ['scores', 'captions.jsonl', 'caption', 'references'],
        fixturesDir,
      );
      const bridge = countingPythonBridge();
      const result = (await evaluateCaptions(
        { type: 'caption_metrics', dataset_path: 'captions.jsonl' },
        { plugins: [bridge.plugin] },
      )) as { value: Record<string, number> };
      expect(Object.keys(result.value)).toEqual([...CAPTION_METRICS, 'avg_score']);
      for (const m of CAPTION_METRICS) expect(result.value[m]).toBeCloseTo(reference.scores[m]!, 6);
      expect(bridge.ensured()).toBe(1);
    }, 240_000);
  });
});
