import { definePlugin, versionOf } from '@dj-sandbox/core';
import { inceptionEvaluator } from './inception-evaluator.ts';

/** The evaluator-inception plugin: the `video_inception_evaluator` data evaluator. */
export default definePlugin({
  id: 'evaluator-inception',
  version: versionOf(import.meta.url),
  apiVersion: 1,
  description: 'Inception metrics of generated videos (video_inception_evaluator).',
  register(reg) {
    reg.components.add(inceptionEvaluator);
  },
});
