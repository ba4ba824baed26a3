import { definePlugin, versionOf } from '@dj-sandbox/core';
import { vllmInferEvaluator, vllmInferExecutor } from './components/vllm-infer.ts';

/** The executor-vllm plugin: `type: vllm` inference, in-process or through a `vllm serve` it manages. */
export default definePlugin({
  id: 'executor-vllm',
  version: versionOf(import.meta.url),
  apiVersion: 1,
  description:
    'vLLM inference (type vllm), offline LLM.chat or a managed vllm serve, as ModelInferExecutor and ModelInferEvaluator.',
  register(reg) {
    reg.components.add(vllmInferExecutor, vllmInferEvaluator);
  },
});
