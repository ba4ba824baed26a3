export {
  BUILD_MESSAGES_FUNCS,
  type BuildMessages,
  buildMessages,
  buildMessagesForMathQa,
  conversationsOf,
  PARSE_OUTPUT_FUNCS,
  type ParseOutput,
  parseOutput,
  type Row,
} from '@dj-sandbox/llm-infer';
export { apiInferEvaluator, apiInferExecutor, runApiInference } from './components/api-infer.ts';
export { type ApiInferConfig, readApiConfig } from './config/api-config.ts';
export { default } from './plugin.ts';
export { type FailedRow, inferFile } from './run/infer-dataset.ts';
export { PartialFile } from './run/partial-file.ts';
