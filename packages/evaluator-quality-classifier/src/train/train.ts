import { resolve } from 'node:path';
import { readJsonRows as readRows } from '@dj-sandbox/core';
import { MT19937 } from '@dj-sandbox/numpy-random';
import { DEFAULT_NUM_FEATURES, type SparseVector } from '../features/hashing-tf.ts';
import { saveModel } from '../model/model-io.ts';
import { featurize, type QualityModel, scoreVector } from '../model/quality-model.ts';
import { fitLogisticRegression } from './logistic-regression.ts';
import { binaryMetrics } from './metrics.ts';

/** Training texts: dataset paths (JSON Lines or JSON arrays, read through `textKey`), or the texts themselves. */
export type TextSource = string | readonly string[] | { texts: readonly string[] };

/** Options of {@link trainQualityClassifier} (Data-Juicer's `train.py` parameters, plus the optimiser's). */
export interface TrainOptions {
  /** Positive (high quality, label 1) texts. */
  pos: TextSource;
  /** Negative (label 0) texts. */
  neg: TextSource;
  /** Model directory to write; default `my_quality_model`, relative to `cwd`. */
  outputModelPath?: string;
  /** When > 0, each side is shuffled and cut to this many texts. */
  numTrainingSamples?: number;
  /** Share of the texts used for training; the rest is the held-out test split. Default 0.8. */
  trainTestSplitRatio?: number;
  /** Measure precision/recall on both splits (default true). */
  evaluation?: boolean;
  textKey?: string;
  /** L2 strength; default 1e-4. */
  regParam?: number;
  maxIter?: number;
  /** Seed of the shuffles and the split (MT19937); default 42. */
  seed?: number;
  numFeatures?: number;
  /** Weights file layout; `sparse` with `minAbsWeight` prunes small coefficients. */
  layout?: 'dense' | 'sparse';
  minAbsWeight?: number;
  description?: string;
  cwd?: string;
}

/** What {@link trainQualityClassifier} returns. */
export interface TrainResult {
  modelPath: string;
  model: QualityModel;
  trainSize: number;
  testSize: number;
  iterations: number;
  metrics: { train?: ReturnType<typeof binaryMetrics>; test?: ReturnType<typeof binaryMetrics> };
}

async function loadTexts(source: TextSource, textKey: string, cwd: string): Promise<string[]> {
  if (typeof source === 'object' && !Array.isArray(source) && 'texts' in source) return [...source.texts];
  const paths = typeof source === 'string' ? [source] : (source as readonly string[]);
  const texts: string[] = [];
  for (const path of paths) {
    for await (const row of readRows(resolve(cwd, path))) {
      const text = row[textKey];
      if (typeof text === 'string') texts.push(text);
    }
  }
  return texts;
}

function shuffle<T>(items: T[], rng: MT19937): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rng.nextDouble() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/**
 * Trains a GPT-3-style quality classifier as Data-Juicer's `train.py` does (positives labelled 1, negatives 0;
 * optional per-side cap; a seeded train/test split; logistic regression on HashingTF features), with L-BFGS and L2
 * instead of Spark, then saves the model directory (see `saveModel`). Metrics use a 0.5 threshold.
 */
export async function trainQualityClassifier(options: TrainOptions): Promise<TrainResult> {
  const cwd = options.cwd ?? process.cwd();
  const textKey = options.textKey ?? 'text';
  const seed = options.seed ?? 42;
  const numFeatures = options.numFeatures ?? DEFAULT_NUM_FEATURES;
  const rng = new MT19937(seed);
  let pos = await loadTexts(options.pos, textKey, cwd);
  let neg = await loadTexts(options.neg, textKey, cwd);
  const cap = options.numTrainingSamples ?? 0;
  if (cap > 0) {
    pos = shuffle(pos, rng).slice(0, cap);
    neg = shuffle(neg, rng).slice(0, cap);
  }
  if (pos.length === 0 || neg.length === 0)
    throw new Error(`training needs positive and negative texts (got ${pos.length} and ${neg.length})`);
  const ratio = options.trainTestSplitRatio ?? 0.8;
  const train: { x: SparseVector[]; y: number[] } = { x: [], y: [] };
  const test: { x: SparseVector[]; y: number[] } = { x: [], y: [] };
  for (const [texts, label] of [
    [pos, 1],
    [neg, 0],
  ] as const) {
    for (const text of texts) {
      const side = rng.nextDouble() < ratio ? train : test;
      side.x.push(featurize(text, numFeatures));
      side.y.push(label);
    }
  }
  const fit = fitLogisticRegression(train.x, train.y, {
    numFeatures,
    regParam: options.regParam ?? 1e-4,
    maxIter: options.maxIter ?? 100,
  });
  const model: QualityModel = {
    numFeatures,
    hash: 'murmur3',
    tokenizer: 'spark-standard',
    weights: fit.weights,
    intercept: fit.intercept,
    info: {},
  };
  if (options.layout === 'sparse' && options.minAbsWeight !== undefined) {
    // Score with the pruned coefficients, so the metrics describe the model that is saved.
    model.weights = fit.weights.map((w) => (Math.abs(w) >= options.minAbsWeight! ? w : 0));
  }
  const metrics: TrainResult['metrics'] = {};
  if (options.evaluation ?? true) {
    const measure = (side: typeof train) =>
      binaryMetrics(
        side.x.map((x) => scoreVector(model, x)),
        side.y,
      );
    metrics.train = measure(train);
    if (test.x.length > 0) metrics.test = measure(test);
  }
  model.info = {
    ...(options.description ? { description: options.description } : {}),
    keepMethod: 'gpt3',
    training: {
      positives: pos.length,
      negatives: neg.length,
      trainSize: train.x.length,
      testSize: test.x.length,
      trainTestSplitRatio: ratio,
      regParam: options.regParam ?? 1e-4,
      iterations: fit.iterations,
      loss: fit.loss,
      seed,
    },
    metrics,
  };
  const modelPath = resolve(cwd, options.outputModelPath ?? 'my_quality_model');
  await saveModel(modelPath, model, {
    layout: options.layout ?? 'dense',
    ...(options.minAbsWeight !== undefined ? { minAbsWeight: options.minAbsWeight } : {}),
  });
  return {
    modelPath,
    model,
    trainSize: train.x.length,
    testSize: test.x.length,
    iterations: fit.iterations,
    metrics,
  };
}
