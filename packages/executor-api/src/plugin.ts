import { definePlugin, versionOf } from '@dj-sandbox/core';
import { apiInferEvaluator, apiInferExecutor } from './components/api-infer.ts';

/** The executor-api plugin: `type: api` inference against any OpenAI-compatible chat-completions server. */
export default definePlugin({
  id: 'executor-api',
  version: versionOf(import.meta.url),
  apiVersion: 1,
  description: 'OpenAI-compatible chat-completions inference (type api) as ModelInferExecutor and ModelInferEvaluator.',
  register(reg) {
    reg.components.add(apiInferExecutor, apiInferEvaluator);
  },
});
