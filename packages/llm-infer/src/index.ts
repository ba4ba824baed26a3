export type { InferCaller } from './caller.ts';
export {
  type HubModelComponentsOptions,
  type HubModelConfig,
  hubModelComponents,
} from './components/hub-model-components.ts';
export { inferenceConfigShape, readInferConfig } from './config/inference-config.ts';
export {
  BUILD_MESSAGES_FUNCS,
  type BuildMessages,
  buildMessages,
  buildMessagesForMathQa,
  type ChatMessage,
  conversationsOf,
  PARSE_OUTPUT_FUNCS,
  type ParseOutput,
  parseOutput,
  type Row,
} from './messages/helpers.ts';
export { type NamedHelpers, namedHelpers } from './messages/named-helpers.ts';
export { checkHfModelAvailable, hfCacheDir, hfHubUrl } from './preflight/hf-model-availability.ts';
export { probeHub } from './preflight/probe-hub.ts';
export { type Generate, type InferSettings, inferFile } from './run/infer-file.ts';
export { type InferFilesConfig, type InferFilesOptions, inferFiles } from './run/infer-files.ts';
export { basenameNoExt, readInferenceRows } from './run/inference-rows.ts';
export { existingDatasetPaths, modelArgument, runCwd } from './run/run-inputs.ts';
export { runPool } from './run/run-pool.ts';
export { runnerLines } from './run/runner-lines.ts';
