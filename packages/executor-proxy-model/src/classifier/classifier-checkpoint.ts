import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readWeights, type TensorEntry, writeWeights } from '../util/weights-file.ts';
import { FastTextModel, type FastTextShape } from './fasttext-model.ts';
import type { FeatureOptions } from './features.ts';
import { type LabelSet, labelSet } from './labels.ts';

/** The `format` field of a `proxy_classifier` checkpoint's `config.json`. */
export const CLASSIFIER_FORMAT = 'dj-sandbox/proxy_classifier';

/** `config.json` of a `proxy_classifier` checkpoint. */
export interface ClassifierCheckpointConfig {
  format: typeof CLASSIFIER_FORMAT;
  version: 1;
  architecture: 'fasttext-hashed-ngrams';
  shape: FastTextShape;
  features: FeatureOptions;
  text_key: string;
  label_key: string;
  /** Label values in output order, and how often each occurred in training. */
  labels: unknown[];
  label_counts: number[];
  seed: number;
  train_config: Record<string, unknown>;
  weights: TensorEntry[];
}

/** A loaded classifier checkpoint. */
export interface LoadedClassifier {
  model: FastTextModel;
  labels: LabelSet;
  config: ClassifierCheckpointConfig;
}

/** Writes `config.json` and `weights.bin` of a classifier into `dir`. */
export async function saveClassifier(
  dir: string,
  trained: { model: FastTextModel; labels: LabelSet; features: FeatureOptions },
  meta: { textKey: string; labelKey: string; seed: number; trainConfig: Record<string, unknown> },
): Promise<void> {
  await mkdir(dir, { recursive: true });
  const { model } = trained;
  const manifest = await writeWeights(join(dir, 'weights.bin'), [
    { name: 'input', shape: [model.shape.buckets, model.shape.dim], data: model.input },
    { name: 'output', shape: [model.shape.labels, model.shape.dim], data: model.output },
    { name: 'bias', shape: [model.shape.labels], data: model.bias },
  ]);
  const config: ClassifierCheckpointConfig = {
    format: CLASSIFIER_FORMAT,
    version: 1,
    architecture: 'fasttext-hashed-ngrams',
    shape: model.shape,
    features: trained.features,
    text_key: meta.textKey,
    label_key: meta.labelKey,
    labels: trained.labels.values,
    label_counts: trained.labels.counts,
    seed: meta.seed,
    train_config: meta.trainConfig,
    weights: manifest,
  };
  await writeFile(join(dir, 'config.json'), `${JSON.stringify(config, null, 2)}\n`);
}

/** Reads a checkpoint written by {@link saveClassifier}; throws when it is not a `proxy_classifier` checkpoint. */
export async function loadClassifier(dir: string): Promise<LoadedClassifier> {
  const config = JSON.parse(await readFile(join(dir, 'config.json'), 'utf8')) as ClassifierCheckpointConfig;
  if (config.format !== CLASSIFIER_FORMAT) {
    throw new Error(
      `${join(dir, 'config.json')} has format ${JSON.stringify(config.format)}, not ${CLASSIFIER_FORMAT}`,
    );
  }
  const w = await readWeights(join(dir, 'weights.bin'), config.weights);
  const model = new FastTextModel(config.shape, w.get('input')!, w.get('output')!, w.get('bias')!);
  return { model, labels: labelSet(config.labels, config.label_counts), config };
}
