import { definePlugin, versionOf } from '@dj-sandbox/core';
import { captionMetricsDataEvaluator, captionMetricsModelEvaluator } from './evaluator/caption-metrics.ts';

/** The evaluator-caption plugin: `DataEvaluator` and `ModelEvaluator` type `caption_metrics`. */
export default definePlugin({
  id: 'evaluator-caption',
  version: versionOf(import.meta.url),
  apiVersion: 1,
  description: 'Caption metrics equal to pycocoevalcap: BLEU-1..4, METEOR, ROUGE-L, CIDEr-D.',
  register(reg) {
    reg.components.add(captionMetricsDataEvaluator, captionMetricsModelEvaluator);
  },
});
