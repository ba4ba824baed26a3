import { definePlugin, versionOf } from '@dj-sandbox/core';
import { qualityClassifierEvaluator } from './evaluator.ts';

/** The evaluator-quality-classifier plugin: `DataEvaluator` type `dj_text_quality_classifier`. */
export default definePlugin({
  id: 'evaluator-quality-classifier',
  version: versionOf(import.meta.url),
  apiVersion: 1,
  description: "Data-Juicer's GPT-3-style text quality classifier as a data evaluator, with a trainer.",
  register(reg) {
    reg.components.add(qualityClassifierEvaluator);
  },
});
