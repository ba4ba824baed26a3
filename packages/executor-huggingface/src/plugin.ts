import { definePlugin, versionOf } from '@dj-sandbox/core';
import { hfInferEvaluator, hfInferExecutor } from './components/hf-infer.ts';

/** The executor-huggingface plugin: `type: huggingface` Transformers text generation in a Python env. */
export default definePlugin({
  id: 'executor-huggingface',
  version: versionOf(import.meta.url),
  apiVersion: 1,
  description:
    'Transformers text-generation inference (type huggingface) as ModelInferExecutor and ModelInferEvaluator.',
  register(reg) {
    reg.components.add(hfInferExecutor, hfInferEvaluator);
  },
});
