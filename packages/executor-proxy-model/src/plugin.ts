import { definePlugin, versionOf } from '@dj-sandbox/core';
import { proxyClassifierInfer, proxyClassifierTrainer } from './components/classifier-components.ts';
import { perplexityEvaluator, proxyLmInfer } from './components/lm-scoring-components.ts';
import { proxyLmTrainer } from './components/lm-train-component.ts';

/** Every component of this plugin: the two proxy models' trainers and inference executors, and `perplexity`. */
export const proxyModelComponents = [
  proxyLmTrainer,
  proxyClassifierTrainer,
  proxyLmInfer,
  proxyClassifierInfer,
  perplexityEvaluator,
];

/** The executor-proxy-model plugin: small models trained in-process on CPU, for cheap data-recipe feedback. */
export default definePlugin({
  id: 'executor-proxy-model',
  version: versionOf(import.meta.url),
  apiVersion: 1,
  description:
    'CPU proxy models: a neural n-gram language model (proxy_lm) and a fastText-style classifier (proxy_classifier).',
  register(reg) {
    reg.components.add(...proxyModelComponents);
  },
});
