export { seededSample } from './common/seeded-sample.ts';
export {
  DEFAULT_SYSTEM_PROMPT,
  type OptimizePromptParams,
  optimizePromptMapper,
  optimizePromptParams,
} from './mappers/optimize-prompt-mapper.ts';
export { default, llmOperators } from './plugin.ts';
