import { definePlugin } from '@dj-sandbox/core';
import { inceptionEvaluator } from './inception-evaluator.ts';

/** The evaluator-inception plugin: the `video_inception_evaluator` data evaluator. */
export default definePlugin({
  id: 'evaluator-inception',
  version: '0.1.0',
  apiVersion: 1,
  description: 'Inception metrics of generated videos (video_inception_evaluator).',
  register(reg) {
    reg.components.add(inceptionEvaluator);
  },
});
