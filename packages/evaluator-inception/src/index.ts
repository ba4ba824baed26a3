export { EXTRACTOR_ENV, inceptionEvaluator } from './inception-evaluator.ts';
export { frechetDistance, inceptionScore, kernelDistance, precisionRecall, toFloat16 } from './metrics/distances.ts';
export { type Matrix, matrix } from './metrics/matrix.ts';
export { LegacyRandomState } from './metrics/random-state.ts';
export { combineRuns, formatTime, METRICS, type MetricSpec } from './metrics/registry.ts';
export { default } from './plugin.ts';
