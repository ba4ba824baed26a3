import { DEFAULT_NUM_FEATURES, hashingTF, type SparseVector, type TermHash } from '../features/hashing-tf.ts';
import { sparkTokenize } from '../features/tokenizer.ts';

/** How a model turns text into tokens; only Spark's standard Tokenizer is implemented. */
export type TokenizerName = 'spark-standard';

/** Held-out quality of a model, measured when it was trained. */
export interface ModelMetrics {
  samples: number;
  positives: number;
  precision: number;
  recall: number;
  f1: number;
  accuracy: number;
  /** Data-Juicer's eval.py formulas (every count +1; recall over the positives). */
  djPrecision: number;
  djRecall: number;
  djF1: number;
}

/** What `model.json` says besides the weights. */
export interface ModelInfo {
  /** Free text: what the model was trained on. */
  description?: string;
  /** The keep method a model is meant for (`gpt3` for GPT-3-style classifiers). */
  keepMethod?: 'gpt3' | 'label';
  training?: Record<string, unknown>;
  metrics?: { train?: ModelMetrics; test?: ModelMetrics };
}

/** A GPT-3-style quality classifier: Spark Tokenizer → HashingTF → logistic regression. */
export interface QualityModel {
  numFeatures: number;
  hash: TermHash;
  tokenizer: TokenizerName;
  /** Dense coefficients, one per hashed feature. */
  weights: Float32Array | Float64Array;
  intercept: number;
  info: ModelInfo;
}

/** The HashingTF features of a text, as the model sees them. */
export function featurize(text: string, numFeatures = DEFAULT_NUM_FEATURES, hash: TermHash = 'murmur3'): SparseVector {
  return hashingTF(sparkTokenize(text), numFeatures, hash);
}

/** `sigmoid(w·x + b)`, computed without overflow. */
export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

/** The score of a feature vector: P(label = 1), Spark's `probability[1]`. */
export function scoreVector(model: QualityModel, x: SparseVector): number {
  let z = model.intercept;
  for (let k = 0; k < x.indices.length; k++) z += model.weights[x.indices[k]!]! * x.values[k]!;
  return sigmoid(z);
}

/** The `doc_score` of a text. */
export function scoreText(model: QualityModel, text: string): number {
  return scoreVector(model, featurize(text, model.numFeatures, model.hash));
}
