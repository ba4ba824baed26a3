import type { LmTrainConfig } from '../config/lm-config.ts';
import type { BpeTokenizer } from '../tokenizer/bpe-tokenizer.ts';
import { trainBpe } from '../tokenizer/train-bpe.ts';
import { Adam } from '../util/adam.ts';
import { meanClipFactor, zeroGrads } from '../util/params.ts';
import { Rng } from '../util/rng.ts';
import { learningRate } from '../util/schedule.ts';
import { type LossPoint, runTrainLoop, type TrainLoopResult, totalSteps } from '../util/train-loop.ts';
import { NgramLm } from './ngram-lm.ts';
import { evaluateStream } from './score-lm.ts';
import { countTokens, encodeStream, unigramPerplexity } from './token-stream.ts';
import { buildClasses } from './vocab-classes.ts';

/** Callbacks of {@link trainLm}, for progress, tracking and cancellation. */
export interface LmTrainHooks {
  signal: AbortSignal;
  onStart?(info: { totalSteps: number; trainTokens: number; vocabSize: number }): void;
  onStep?(step: number): void;
  onLog?(point: LossPoint): void;
}

/** A trained language model with everything its checkpoint needs and its final figures. */
export interface TrainedLm {
  model: NgramLm;
  tokenizer: BpeTokenizer;
  /** Training token counts (the unigram baseline). */
  counts: Float64Array;
  loop: TrainLoopResult;
  trainTokens: number;
  /** Held-out figures, when `eval_dataset` was given. */
  eval: { loss: number; perplexity: number; tokens: number; unigramPerplexity: number } | null;
}

/**
 * Trains a `proxy_lm` from texts: learns the byte-level BPE on the training texts, encodes them, bins the vocabulary
 * into softmax classes by frequency, then trains the neural n-gram model with Adam (gradient clipping, warm-up and
 * cosine decay). Everything random comes from `config.seed`.
 */
export async function trainLm(
  trainTexts: readonly string[],
  evalTexts: readonly string[] | null,
  config: LmTrainConfig,
  hooks: LmTrainHooks,
): Promise<TrainedLm> {
  const rng = new Rng(config.seed);
  const tokenizer = trainBpe(trainTexts, {
    vocabSize: config.model.vocab_size,
    maxChars: config.tokenizer.train_chars,
  });
  const stream = encodeStream(tokenizer, trainTexts);
  const vocabSize = tokenizer.vocabSize;
  const counts = countTokens(stream, vocabSize);
  const numClasses = config.model.num_classes || Math.max(1, Math.round(Math.sqrt(vocabSize)));
  const shape = {
    vocabSize,
    context: config.model.context,
    embedDim: config.model.embed_dim,
    hiddenDim: config.model.hidden_dim,
    numClasses,
  };
  const model = NgramLm.init(shape, buildClasses(counts, numClasses), counts, rng);
  const t = config.train;
  const adam = new Adam(model.params, {
    beta1: 0.9,
    beta2: 0.999,
    eps: 1e-8,
    weightDecay: t.optimizer.type === 'adamw' ? t.optimizer.weight_decay : 0,
  });
  const spec = {
    items: stream.tokens.length,
    batchSize: t.dataloader.batch_size,
    epochs: t.max_epochs,
    maxSteps: t.max_steps,
  };
  hooks.onStart?.({ totalSteps: totalSteps(spec), trainTokens: stream.tokens.length, vocabSize });
  const loop = await runTrainLoop({
    ...spec,
    logInterval: t.log_interval,
    rng,
    signal: hooks.signal,
    lr: (step, total) =>
      learningRate(step, total, t.optimizer.lr, {
        warmup: t.lr_scheduler.warmup_steps,
        minRatio: t.lr_scheduler.min_lr_ratio,
        type: t.lr_scheduler.type,
      }),
    trainBatch(batch, lr) {
      zeroGrads(model.params);
      let loss = 0;
      for (const at of batch) loss += model.step(stream.tokens, at, stream.docStart[at]!, stream.tokens[at]!, true);
      adam.step(lr, meanClipFactor(model.params, batch.length, t.clip_grad_norm));
      return { loss, units: batch.length };
    },
    onLog: (p) => hooks.onLog?.(p),
    onStep: (s) => hooks.onStep?.(s),
  });
  let evaluation: TrainedLm['eval'] = null;
  if (evalTexts) {
    const held = encodeStream(tokenizer, evalTexts);
    evaluation = { ...evaluateStream(model, held), unigramPerplexity: unigramPerplexity(counts, held) };
  }
  return { model, tokenizer, counts, loop, trainTokens: stream.tokens.length, eval: evaluation };
}
