import { readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadModel } from '../model/model-io.ts';
import { scoreText } from '../model/quality-model.ts';
import { binaryMetrics } from './metrics.ts';
import { trainQualityClassifier } from './train.ts';

const rows = readFileSync(new URL('../__fixtures__/heldout-sample.jsonl', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as { text: string; label: number });
// Train on the first 70 texts of each class, test on the other 30.
const pos = rows.filter((r) => r.label === 1).map((r) => r.text);
const neg = rows.filter((r) => r.label === 0).map((r) => r.text);

describe('trainQualityClassifier', () => {
  it('learns prose against spam from real texts and saves a loadable model directory', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'qc-train-'));
    const result = await trainQualityClassifier({
      pos: { texts: pos.slice(0, 70) },
      neg: { texts: neg.slice(0, 70) },
      outputModelPath: join(dir, 'model'),
      maxIter: 30,
    });
    expect(result.trainSize + result.testSize).toBe(140);
    expect(result.metrics.train!.accuracy).toBeGreaterThan(0.95);
    const model = await loadModel(result.modelPath);
    const unseen = [...pos.slice(70), ...neg.slice(70)];
    const labels = [...pos.slice(70).map(() => 1), ...neg.slice(70).map(() => 0)];
    const m = binaryMetrics(
      unseen.map((t) => scoreText(model, t)),
      labels,
    );
    expect(m.accuracy).toBeGreaterThanOrEqual(0.9);
    const meta = JSON.parse(readFileSync(join(result.modelPath, 'model.json'), 'utf8'));
    expect(meta).toMatchObject({ format: 'dj-sandbox-quality-classifier', numFeatures: 262144, hash: 'murmur3' });
  });

  it('is deterministic for a seed', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'qc-train-'));
    const options = { pos: { texts: pos.slice(0, 30) }, neg: { texts: neg.slice(0, 30) }, maxIter: 10, seed: 7 };
    const a = await trainQualityClassifier({ ...options, outputModelPath: join(dir, 'a') });
    const b = await trainQualityClassifier({ ...options, outputModelPath: join(dir, 'b') });
    expect(a.testSize).toBe(b.testSize);
    expect(a.model.intercept).toBe(b.model.intercept);
    expect(readFileSync(join(dir, 'a', 'weights.f32')).equals(readFileSync(join(dir, 'b', 'weights.f32')))).toBe(true);
  });

  it('reads positives and negatives from dataset files through text_key', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'qc-train-'));
    const fixtures = new URL('../__fixtures__/', import.meta.url).pathname;
    await expect(
      trainQualityClassifier({
        pos: 'data-demo-dataset.jsonl',
        neg: [],
        cwd: fixtures,
        outputModelPath: join(dir, 'm'),
      }),
    ).rejects.toThrow(/training needs positive and negative texts \(got 6 and 0\)/);
  });
});
