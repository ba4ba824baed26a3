import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDjSandboxError } from '@dj-sandbox/core';
import { describe, expect, it } from 'vitest';
import { loadLm } from '../lm/lm-checkpoint.ts';
import { scoreDocuments } from '../lm/score-lm.ts';
import { encodeStream } from '../lm/token-stream.ts';
import { fixture, readJsonl, testEnv } from '../test-helpers/test-env.ts';
import { perplexityEvaluator, proxyLmInfer } from './lm-scoring-components.ts';
import { proxyLmTrainer } from './lm-train-component.ts';

const small = {
  type: 'proxy_lm',
  seed: 3,
  'train.max_steps': 120,
  'train.log_interval': 20,
  'train.dataloader.batch_size': 32,
  'train.optimizer.lr': 0.01,
  model: { vocab_size: 400, context: 3, embed_dim: 16, hidden_dim: 48 },
};

async function trainSmall() {
  const env = testEnv();
  const workDir = join(env.workDir, 'lm');
  const trainer = await proxyLmTrainer.create(
    {
      ...small,
      train_dataset: fixture('moby-dick-train.jsonl'),
      eval_dataset: fixture('moby-dick-heldout.jsonl'),
      work_dir: workDir,
    },
    env,
  );
  const output = await trainer.run();
  return { env, workDir, output };
}

/** What a component's `run()` rejected with. */
async function rejection(component: { run(...args: unknown[]): unknown }, ...args: unknown[]): Promise<unknown> {
  try {
    await component.run(...args);
  } catch (error) {
    return error;
  }
  throw new Error('expected run() to fail');
}

function configFailure(fn: () => unknown): { code: string; message: string; path: unknown } {
  try {
    fn();
  } catch (error) {
    if (isDjSandboxError(error)) return { code: error.code, message: error.message, path: error.data.path };
    throw error;
  }
  throw new Error('expected a config error');
}

describe('proxy_lm components', async () => {
  const { env, workDir, output } = await trainSmall();

  it('resolves to the checkpoint folder, which holds weights, tokenizer, config, loss curve and metrics', () => {
    expect(output).toBe(workDir);
    for (const file of ['config.json', 'tokenizer.json', 'weights.bin', 'train_log.jsonl', 'metrics.json']) {
      expect(existsSync(join(workDir, file))).toBe(true);
    }
    const curve = readJsonl(join(workDir, 'train_log.jsonl'));
    expect(curve.map((p) => p.step)).toEqual([20, 40, 60, 80, 100, 120]);
    const metrics = JSON.parse(readFileSync(join(workDir, 'metrics.json'), 'utf8'));
    expect(metrics.eval_perplexity).toBeLessThan(metrics.unigram_perplexity);
    expect(metrics.tokens_per_sec).toBeGreaterThan(0);
  });

  it('streams loss, learning rate and throughput into the tracker with the step, and ticks progress', () => {
    const losses = env.tracker.history().filter((m) => m.key === 'train_model.loss');
    expect(losses.map((m) => m.step)).toEqual([20, 40, 60, 80, 100, 120]);
    expect(losses[0]).toMatchObject({ iteration: 1, pipeline: 'test', job: 'train_model' });
    expect(env.tracker.history().filter((m) => m.key === 'train_model.lr')).toHaveLength(6);
    // Six live points and the run's overall figure (no step) under the same key.
    const throughput = env.tracker.history().filter((m) => m.key === 'train_model.tokens_per_sec');
    expect(throughput.map((m) => m.step)).toEqual([20, 40, 60, 80, 100, 120, undefined]);
    expect(env.tracker.query('train_model.eval_perplexity')).toBeLessThan(
      env.tracker.query('train_model.unigram_perplexity') as number,
    );
    expect(env.progressSeen.get('train proxy_lm')).toEqual({ total: 120, ticks: 120, done: true });
  });

  it('reloads into a model that scores exactly as the trained one did', async () => {
    const a = await loadLm(workDir);
    const b = await loadLm(workDir);
    const texts = readJsonl(fixture('moby-dick-heldout.jsonl')).map((r) => String(r.text));
    const stream = encodeStream(a.tokenizer, texts.slice(0, 20));
    expect(scoreDocuments(a.model, stream)).toEqual(scoreDocuments(b.model, stream));
    const metrics = JSON.parse(readFileSync(join(workDir, 'metrics.json'), 'utf8'));
    const evaluator = await perplexityEvaluator.create(
      { model_path: workDir, dataset_path: fixture('moby-dick-heldout.jsonl') },
      env,
    );
    const result = (await evaluator.run({})) as {
      perplexity: number;
      loss: number;
      tokens: number;
      bits_per_byte: number;
    };
    expect(result.perplexity).toBe(metrics.eval_perplexity);
    // bits per byte = total nats / ln 2 / UTF-8 bytes of the held-out texts
    const heldout = readJsonl(fixture('moby-dick-heldout.jsonl')).map((r) => String(r.text));
    const bytes = heldout.reduce((n, t) => n + Buffer.byteLength(t, 'utf8'), 0);
    expect(result.bits_per_byte).toBeCloseTo((result.loss * result.tokens) / Math.LN2 / bytes, 12);
    expect(result.bits_per_byte).toBeGreaterThan(0.5);
    expect(result.bits_per_byte).toBeLessThan(8);
  });

  it('writes one inference row per input row, with the input fields and loss, perplexity and token count', async () => {
    const exportPath = join(env.workDir, 'iter_1', 'scored');
    const infer = await proxyLmInfer.create(
      {
        type: 'proxy_lm',
        model_path: workDir,
        dataset_path: fixture('moby-dick-heldout.jsonl'),
        export_path: exportPath,
      },
      env,
    );
    const written = (await infer.run()) as string;
    expect(written).toBe(join(exportPath, 'moby-dick-heldout_inference.jsonl'));
    const input = readJsonl(fixture('moby-dick-heldout.jsonl'));
    const rows = readJsonl(written);
    expect(rows).toHaveLength(input.length);
    expect(rows[5]!.text).toBe(input[5]!.text);
    const row = rows[5] as { loss: number; perplexity: number; num_tokens: number };
    expect(row.perplexity).toBeCloseTo(Math.exp(row.loss), 9);
    expect(row.num_tokens).toBeGreaterThan(10);
    // The per-row losses, weighted by tokens, make up the evaluator's corpus loss.
    const evaluator = await perplexityEvaluator.create(
      { ckpt_path: workDir, dataset_path: fixture('moby-dick-heldout.jsonl') },
      env,
    );
    const total = (await evaluator.run({})) as { loss: number; tokens: number };
    const weighted = rows.reduce((s, r) => s + (r.loss as number) * (r.num_tokens as number), 0);
    expect(weighted / total.tokens).toBeCloseTo(total.loss, 9);
  });

  it('reports config mistakes as config errors naming the key', async () => {
    expect(configFailure(() => proxyLmTrainer.create({ type: 'proxy_lm' }, env))).toMatchObject({
      code: 'proxy-model-config',
      path: 'extra_configs.train_dataset',
    });
    const lr = configFailure(() => proxyLmTrainer.create({ train_dataset: 'a.jsonl', 'train.optimizer.lr': -1 }, env));
    expect(lr.path).toBe('extra_configs.train.optimizer.lr');
    expect(lr.message).toContain('Expected a value > 0, received -1');
    const missing = await rejection(await proxyLmTrainer.create({ train_dataset: 'nowhere.jsonl' }, env));
    expect(missing).toMatchObject({
      code: 'proxy-model-dataset-missing',
      data: { path: 'extra_configs.train_dataset' },
    });
    const badKey = await rejection(
      await proxyLmTrainer.create({ train_dataset: fixture('moby-dick-train.jsonl'), text_key: 'content' }, env),
    );
    expect(badKey).toMatchObject({ code: 'proxy-model-text-key', data: { path: 'extra_configs.text_key' } });
    const noModel = await rejection(
      await perplexityEvaluator.create({ model_path: env.workDir, dataset_path: 'x.jsonl' }, env),
      {},
    );
    expect(noModel).toMatchObject({
      code: 'proxy-model-checkpoint-missing',
      data: { path: 'extra_configs.model_path' },
    });
  });

  it('writes into the sandbox work dir per job and iteration when work_dir is not set, and stops when aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const aborted = testEnv({ signal: controller.signal });
    const data = join(aborted.workDir, 'data.jsonl');
    writeFileSync(data, readFileSync(fixture('moby-dick-train.jsonl')));
    const error = await rejection(await proxyLmTrainer.create({ ...small, train_dataset: data }, aborted));
    expect(error).toMatchObject({ code: 'proxy-model-aborted' });
    expect(existsSync(join(aborted.workDir, 'models', 'train_model', 'iter_1', 'config.json'))).toBe(true);
  });
});
