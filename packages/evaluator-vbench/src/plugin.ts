import { definePlugin, versionOf } from '@dj-sandbox/core';
import { vbenchEvaluator } from './vbench-evaluator.ts';

/** The evaluator-vbench plugin: the `vbench_video_evaluator` data evaluator. */
export default definePlugin({
  id: 'evaluator-vbench',
  version: versionOf(import.meta.url),
  apiVersion: 1,
  description: 'VBench video evaluation (vbench_video_evaluator).',
  register(reg) {
    reg.components.add(vbenchEvaluator);
  },
});
