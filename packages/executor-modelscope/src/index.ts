export { parseLoss } from './components/loss-parser.ts';
export { modelLogPath, modelscopeInferProbe, modelscopeTrainer } from './components/modelscope-components.ts';
export { checkTrainConfig, DEFAULT_DEPS, envSpecOf, modelConfigOf } from './config/train-config.ts';
export { default } from './plugin.ts';
export { checkModelAvailable, hubUrl, modelCacheDirs } from './preflight/model-availability.ts';
