import { definePlugin } from '@dj-sandbox/core';
import { accuracyEvaluator } from './evaluators/accuracy.ts';
import { mseEvaluator } from './evaluators/mse.ts';

/** The evaluator-metrics plugin: `DataEvaluator` types `accuracy` and `mse`. */
export default definePlugin({
  id: 'evaluator-metrics',
  version: '0.1.0',
  apiVersion: 1,
  description: 'Accuracy and MSE data evaluators (the reference AccuracyEvaluator and MSEEvaluator).',
  register(reg) {
    reg.components.add(accuracyEvaluator, mseEvaluator);
  },
});
