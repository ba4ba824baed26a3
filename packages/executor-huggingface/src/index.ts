export { HF_GENERATE_SCRIPT, hfInferEvaluator, hfInferExecutor, runHfInference } from './components/hf-infer.ts';
export { DEFAULT_HF_DEPS, DEFAULT_HF_PYTHON, type HfConfig, hfConfigSchema, readHfConfig } from './config/hf-config.ts';
export { default } from './plugin.ts';
