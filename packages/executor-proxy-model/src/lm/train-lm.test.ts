import { describe, expect, it } from 'vitest';
import { lmTrainConfig } from '../config/lm-config.ts';
import { fixture, readJsonl } from '../test-helpers/test-env.ts';
import { trainLm } from './train-lm.ts';

const train = readJsonl(fixture('moby-dick-train.jsonl')).map((r) => String(r.text));
const heldOut = readJsonl(fixture('moby-dick-heldout.jsonl')).map((r) => String(r.text));

/** A small, fast configuration: a few seconds of training on ~120 kB of Moby-Dick. */
function smallLmConfig(overrides: Record<string, unknown> = {}) {
  return lmTrainConfig.parse({
    train_dataset: 'unused.jsonl',
    seed: 7,
    train: { max_steps: 480, log_interval: 80, dataloader: { batch_size: 32 }, optimizer: { lr: 0.01 } },
    model: { vocab_size: 512, context: 3, embed_dim: 24, hidden_dim: 64 },
    ...overrides,
  });
}

const run = (seed: number) =>
  trainLm(train, heldOut, smallLmConfig({ seed }), { signal: new AbortController().signal });

describe('proxy_lm training on real text', async () => {
  const first = await run(7);

  it('makes the training loss go down', () => {
    const losses = first.loop.curve.map((p) => p.loss);
    expect(losses).toHaveLength(6);
    expect(losses.at(-1)!).toBeLessThan(losses[0]! - 0.3);
  });

  it('reaches a held-out perplexity clearly below the add-one unigram baseline', () => {
    const { perplexity, unigramPerplexity } = first.eval!;
    expect(Number.isFinite(perplexity)).toBe(true);
    expect(perplexity).toBeLessThan(unigramPerplexity * 0.8);
  });

  it('repeats the same loss curve and perplexity for the same seed, and not for another', async () => {
    const again = await run(7);
    expect(again.loop.curve.map((p) => p.loss)).toEqual(first.loop.curve.map((p) => p.loss));
    expect(again.eval!.perplexity).toBe(first.eval!.perplexity);
    const other = await run(8);
    expect(other.loop.curve.map((p) => p.loss)).not.toEqual(first.loop.curve.map((p) => p.loss));
  });

  it('stops between steps when the signal is aborted', async () => {
    const controller = new AbortController();
    const result = await trainLm(train, null, smallLmConfig(), {
      signal: controller.signal,
      onStep: (step) => {
        if (step === 10) controller.abort();
      },
    });
    expect(result.loop.stopped).toBe(true);
    expect(result.loop.steps).toBe(10);
  });
});
