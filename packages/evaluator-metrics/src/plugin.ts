import { definePlugin, versionOf } from '@dj-sandbox/core';
import { accuracyEvaluator } from './evaluators/accuracy.ts';
import { mseEvaluator } from './evaluators/mse.ts';

/** The evaluator-metrics plugin: `DataEvaluator` types `accuracy` and `mse`. */
export default definePlugin({
  id: 'evaluator-metrics',
  version: versionOf(import.meta.url),
  apiVersion: 1,
  description: 'Accuracy and MSE data evaluators (the reference AccuracyEvaluator and MSEEvaluator).',
  register(reg) {
    reg.components.add(accuracyEvaluator, mseEvaluator);
  },
});
