export { type AccuracyResult, accuracyEvaluator } from './evaluators/accuracy.ts';
export { type MseResult, mseEvaluator } from './evaluators/mse.ts';
export { bestOf, type DatasetPair, type PairConfig, readPairConfig } from './evaluators/pair-config.ts';
export { type Row, zipRows } from './io/read-rows.ts';
export { default } from './plugin.ts';
export { pythonFloat, pythonStr, readKey } from './values/python-values.ts';
