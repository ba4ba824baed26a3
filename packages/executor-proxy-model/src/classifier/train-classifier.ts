import type { ClassifierTrainConfig } from '../config/classifier-config.ts';
import { Rng } from '../util/rng.ts';
import { learningRate } from '../util/schedule.ts';
import { type LossPoint, runTrainLoop, type TrainLoopResult, totalSteps } from '../util/train-loop.ts';
import { FastTextModel } from './fasttext-model.ts';
import { type FeatureOptions, textFeatures } from './features.ts';
import { type LabelSet, labelSet } from './labels.ts';

/** Callbacks of {@link trainClassifier}. */
export interface ClassifierTrainHooks {
  signal: AbortSignal;
  onStart?(info: { totalSteps: number; samples: number; labels: number }): void;
  onStep?(step: number): void;
  onLog?(point: LossPoint): void;
}

/** A trained classifier and its figures. */
export interface TrainedClassifier {
  model: FastTextModel;
  labels: LabelSet;
  features: FeatureOptions;
  loop: TrainLoopResult;
  /** Accuracy on `eval_dataset`, and that of always answering the most frequent training label. */
  eval: { accuracy: number; majorityAccuracy: number; samples: number } | null;
}

/** The feature options of a config. */
export function featureOptions(config: ClassifierTrainConfig): FeatureOptions {
  const m = config.model;
  return { buckets: m.buckets, wordNgrams: m.word_ngrams, minn: m.minn, maxn: m.maxn, maxWords: m.max_words };
}

/** Index of the largest probability (the first on ties). */
export function argmax(p: Float64Array): number {
  let best = 0;
  for (let i = 1; i < p.length; i++) if (p[i]! > p[best]!) best = i;
  return best;
}

/**
 * Trains a `proxy_classifier`: hashed features for every sample, then SGD over shuffled samples with a linearly
 * decaying learning rate (fastText's schedule by default). Everything random comes from `config.seed`.
 */
export async function trainClassifier(
  train: ReadonlyArray<{ text: string; label: unknown }>,
  evaluation: ReadonlyArray<{ text: string; label: unknown }> | null,
  config: ClassifierTrainConfig,
  hooks: ClassifierTrainHooks,
): Promise<TrainedClassifier> {
  const rng = new Rng(config.seed);
  const labels = labelSet(train.map((s) => s.label));
  const features = featureOptions(config);
  const x = train.map((s) => textFeatures(s.text, features));
  const y = Int32Array.from(train, (s) => labels.index(s.label)!);
  const model = FastTextModel.init(
    { buckets: features.buckets, dim: config.model.dim, labels: labels.values.length },
    rng,
  );
  const t = config.train;
  const spec = { items: x.length, batchSize: t.dataloader.batch_size, epochs: t.max_epochs, maxSteps: t.max_steps };
  hooks.onStart?.({ totalSteps: totalSteps(spec), samples: x.length, labels: labels.values.length });
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
      let loss = 0;
      for (const i of batch) loss += model.update(x[i]!, y[i]!, lr);
      return { loss, units: batch.length };
    },
    onLog: (p) => hooks.onLog?.(p),
    onStep: (s) => hooks.onStep?.(s),
  });
  let result: TrainedClassifier['eval'] = null;
  if (evaluation && evaluation.length > 0) {
    const majority = labels.values[argmax(Float64Array.from(labels.counts))];
    let hits = 0;
    let majorityHits = 0;
    for (const s of evaluation) {
      const predicted = labels.values[argmax(model.predict(textFeatures(s.text, features)))];
      if (labels.same(predicted, s.label)) hits++;
      if (labels.same(majority, s.label)) majorityHits++;
    }
    result = {
      accuracy: hits / evaluation.length,
      majorityAccuracy: majorityHits / evaluation.length,
      samples: evaluation.length,
    };
  }
  return { model, labels, features, loop, eval: result };
}
