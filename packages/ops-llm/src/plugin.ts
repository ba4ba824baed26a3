import { definePlugin, operatorsPoint, versionOf } from '@dj-sandbox/core';
import { optimizePromptMapper } from './mappers/optimize-prompt-mapper.ts';

/** Every operator this plugin contributes. */
export const llmOperators = [optimizePromptMapper];

/** The ops-llm plugin: Data-Juicer's LLM operators, asking an OpenAI-compatible server. */
export default definePlugin({
  id: 'ops-llm',
  version: versionOf(import.meta.url),
  apiVersion: 1,
  description: "Data-Juicer's LLM operators (optimize_prompt_mapper) through an OpenAI-compatible server.",
  register(reg) {
    reg.extend(operatorsPoint, ...llmOperators);
  },
});
