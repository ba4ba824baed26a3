import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadClassifier } from '../classifier/classifier-checkpoint.ts';
import { textFeatures } from '../classifier/features.ts';
import { fixture, readJsonl, testEnv } from '../test-helpers/test-env.ts';
import { proxyClassifierInfer, proxyClassifierTrainer } from './classifier-components.ts';

const config = {
  type: 'proxy_classifier',
  train_dataset: fixture('spam-assassin-train.jsonl'),
  eval_dataset: fixture('spam-assassin-test.jsonl'),
  train: { max_epochs: 5, log_interval: 20 },
  model: { buckets: 32_768, dim: 16 },
};

async function train(seed: number) {
  const env = testEnv();
  const workDir = join(env.workDir, 'clf');
  const output = await (await proxyClassifierTrainer.create({ ...config, seed, work_dir: workDir }, env)).run();
  const metrics = JSON.parse(readFileSync(join(workDir, 'metrics.json'), 'utf8'));
  return { env, workDir, output, metrics };
}

describe('proxy_classifier on spam vs ham mails from Spam Assassin', async () => {
  const first = await train(1);

  it('beats always answering the majority class on held-out mails', () => {
    // 60 ham and 30 spam in the held-out file: the majority answer scores 2/3.
    expect(first.metrics.majority_accuracy).toBeCloseTo(60 / 90, 9);
    expect(first.metrics.eval_accuracy).toBeGreaterThan(first.metrics.majority_accuracy + 0.1);
  });

  it('streams its loss curve and ends with a checkpoint folder', () => {
    expect(first.output).toBe(first.workDir);
    expect(existsSync(join(first.workDir, 'weights.bin'))).toBe(true);
    const losses = first.env.tracker.history().filter((m) => m.key === 'train_model.loss');
    // 270 samples in batches of 16 make 17 steps per epoch, 85 in all: points at 20, 40, 60, 80 and 85.
    expect(losses.map((m) => m.step)).toEqual([20, 40, 60, 80, 85]);
    expect(losses.at(-1)!.value as number).toBeLessThan(losses[0]!.value as number);
  });

  it('gives the same curve and accuracy for the same seed', async () => {
    const again = await train(1);
    expect(readFileSync(join(again.workDir, 'train_log.jsonl'), 'utf8').replace(/"samples_per_sec":[^}]*/g, '')).toBe(
      readFileSync(join(first.workDir, 'train_log.jsonl'), 'utf8').replace(/"samples_per_sec":[^}]*/g, ''),
    );
    expect(again.metrics.eval_accuracy).toBe(first.metrics.eval_accuracy);
  });

  it('writes the predicted label and its probability per row, identical to the trained model after reload', async () => {
    const { env, workDir } = first;
    const exportPath = join(env.workDir, 'iter_2', 'predicted.jsonl');
    const infer = await proxyClassifierInfer.create(
      { model_path: workDir, dataset_path: fixture('spam-assassin-test.jsonl'), export_path: exportPath },
      env,
    );
    expect(await infer.run()).toBe(exportPath);
    const input = readJsonl(fixture('spam-assassin-test.jsonl'));
    const rows = readJsonl(exportPath);
    expect(rows).toHaveLength(input.length);
    const hits = rows.filter((r) => r.predicted_label === r.label).length;
    expect(hits / rows.length).toBeCloseTo(first.metrics.eval_accuracy, 9);
    for (const r of rows) {
      expect(['spam', 'ham']).toContain(r.predicted_label);
      expect(r.probability as number).toBeGreaterThanOrEqual(0.5);
    }
    const loaded = await loadClassifier(workDir);
    const p = loaded.model.predict(textFeatures(String(input[0]!.text), loaded.config.features));
    expect(Math.max(...p)).toBe(rows[0]!.probability);
  });

  it('names label_key when rows have no label', async () => {
    const env = testEnv();
    const trainer = await proxyClassifierTrainer.create(
      { ...config, label_key: 'category', work_dir: join(env.workDir, 'x') },
      env,
    );
    await expect(trainer.run()).rejects.toMatchObject({
      code: 'proxy-model-label-key',
      category: 'config',
      data: { path: 'extra_configs.label_key' },
    });
  });

  it('rejects an optimiser the classifier does not have, naming the key and the choices', () => {
    const env = testEnv();
    expect(() => proxyClassifierTrainer.create({ ...config, 'train.optimizer.type': 'adam' }, env)).toThrow(
      /extra_configs\.train\.optimizer\.type: .*Expected one of "sgd", received "adam"/,
    );
  });
});
