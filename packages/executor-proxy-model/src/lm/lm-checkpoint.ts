import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BpeTokenizer, type TokenizerJson } from '../tokenizer/bpe-tokenizer.ts';
import { readWeights, type TensorEntry, writeWeights } from '../util/weights-file.ts';
import { NgramLm, type NgramLmShape } from './ngram-lm.ts';
import { classesFromAssignment } from './vocab-classes.ts';

/** The `format` field of a `proxy_lm` checkpoint's `config.json`. */
export const LM_FORMAT = 'dj-sandbox/proxy_lm';

/** `config.json` of a `proxy_lm` checkpoint. */
export interface LmCheckpointConfig {
  format: typeof LM_FORMAT;
  version: 1;
  architecture: 'ngram-mlp-class-softmax';
  shape: NgramLmShape;
  text_key: string;
  seed: number;
  /** The training config as parsed (defaults filled in). */
  train_config: Record<string, unknown>;
  /** Softmax class of every token id. */
  token_class: number[];
  /** Training token counts by id (the unigram baseline). */
  unigram_counts: number[];
  weights: TensorEntry[];
}

/** A loaded `proxy_lm` checkpoint. */
export interface LoadedLm {
  model: NgramLm;
  tokenizer: BpeTokenizer;
  config: LmCheckpointConfig;
  counts: Float64Array;
}

/** Writes `config.json`, `tokenizer.json` and `weights.bin` into `dir`. */
export async function saveLm(
  dir: string,
  lm: { model: NgramLm; tokenizer: BpeTokenizer; counts: Float64Array },
  meta: { textKey: string; seed: number; trainConfig: Record<string, unknown> },
): Promise<void> {
  await mkdir(dir, { recursive: true });
  const manifest = await writeWeights(join(dir, 'weights.bin'), lm.model.params);
  const config: LmCheckpointConfig = {
    format: LM_FORMAT,
    version: 1,
    architecture: 'ngram-mlp-class-softmax',
    shape: lm.model.shape,
    text_key: meta.textKey,
    seed: meta.seed,
    train_config: meta.trainConfig,
    token_class: Array.from(lm.model.classes.tokenClass),
    unigram_counts: Array.from(lm.counts),
    weights: manifest,
  };
  await writeFile(join(dir, 'tokenizer.json'), `${JSON.stringify(lm.tokenizer.toJSON())}\n`);
  await writeFile(join(dir, 'config.json'), `${JSON.stringify(config, null, 2)}\n`);
}

/** Reads a checkpoint folder written by {@link saveLm}; throws when it is not a `proxy_lm` checkpoint. */
export async function loadLm(dir: string): Promise<LoadedLm> {
  const config = JSON.parse(await readFile(join(dir, 'config.json'), 'utf8')) as LmCheckpointConfig;
  if (config.format !== LM_FORMAT) {
    throw new Error(`${join(dir, 'config.json')} has format ${JSON.stringify(config.format)}, not ${LM_FORMAT}`);
  }
  const tokenizer = BpeTokenizer.fromJSON(
    JSON.parse(await readFile(join(dir, 'tokenizer.json'), 'utf8')) as TokenizerJson,
  );
  const weights = await readWeights(join(dir, 'weights.bin'), config.weights);
  const classes = classesFromAssignment(Int32Array.from(config.token_class), config.shape.numClasses);
  const model = new NgramLm(config.shape, classes, weights);
  return { model, tokenizer, config, counts: Float64Array.from(config.unigram_counts) };
}
