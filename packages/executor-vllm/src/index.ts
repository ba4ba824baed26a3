export {
  runVllmInference,
  VLLM_GENERATE_SCRIPT,
  vllmInferEvaluator,
  vllmInferExecutor,
} from './components/vllm-infer.ts';
export {
  DEFAULT_VLLM_DEPS,
  DEFAULT_VLLM_PYTHON,
  readVllmConfig,
  type VllmConfig,
  vllmConfigSchema,
  vllmSamplingParams,
} from './config/vllm-config.ts';
export { default } from './plugin.ts';
export { serveFlags, startVllmServer, type VllmServer, type VllmServerOptions } from './server/vllm-server.ts';
