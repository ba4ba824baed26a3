export { qualityClassifierEvaluator } from './evaluator.ts';
export {
  DEFAULT_NUM_FEATURES,
  HASHING_TF_SEED,
  hashingTF,
  type SparseVector,
  type TermHash,
  termIndex,
} from './features/hashing-tf.ts';
export { murmur3, murmur3Legacy, nonNegativeMod } from './features/murmur3.ts';
export { sparkTokenize } from './features/tokenizer.ts';
export { DEFAULT_MODEL_DIR, loadDefaultModel } from './model/default-model.ts';
export { loadModel, MODEL_FORMAT, type ModelFile, saveModel } from './model/model-io.ts';
export {
  featurize,
  type ModelInfo,
  type ModelMetrics,
  type QualityModel,
  scoreText,
  scoreVector,
  sigmoid,
  type TokenizerName,
} from './model/quality-model.ts';
export { default } from './plugin.ts';
export { type Describe, describe, describeCsv, describeMarkdown, pythonFloatRepr } from './predict/describe.ts';
export { type KeepMethod, type PredictOptions, type PredictResult, predictScore } from './predict/predict-score.ts';
export { type LbfgsOptions, lbfgs, type Objective } from './train/lbfgs.ts';
export { type FitOptions, fitLogisticRegression } from './train/logistic-regression.ts';
export { binaryMetrics } from './train/metrics.ts';
export { type TextSource, type TrainOptions, type TrainResult, trainQualityClassifier } from './train/train.ts';
