import type { ComponentKind } from './component-kinds.ts';

/**
 * Which first-party package provides each hook and component type, so that a config naming one that no loaded
 * plugin provides fails with "install X" instead of a bare "unknown", and `validate` lists every package a config
 * needs at once. scripts/known-providers.test.ts checks these tables against the real packages.
 */
export const KNOWN_HOOK_PROVIDERS: Readonly<Record<string, string>> = {
  ProbeViaAnalyzerHook: '@dj-sandbox/hooks-data',
  RefineRecipeViaKSigmaHook: '@dj-sandbox/hooks-data',
  ProcessDataHook: '@dj-sandbox/hooks-data',
  DataPoolManipulationHook: '@dj-sandbox/hooks-data',
  GeneralDataExecutorHook: '@dj-sandbox/hooks-data',
  GeneralProbeHook: '@dj-sandbox/hooks-data',
  TrainModelHook: '@dj-sandbox/hooks-model',
  InferModelHook: '@dj-sandbox/hooks-model',
  ProbeViaModelInferHook: '@dj-sandbox/hooks-model',
  RefineRecipeViaModelFeedbackHook: '@dj-sandbox/hooks-model',
  EvaluateDataHook: '@dj-sandbox/hooks-model',
  EvaluateModelHook: '@dj-sandbox/hooks-model',
};

/** The component kind each known hook builds from `extra_configs.type`, for hooks that build one. */
export const KNOWN_HOOK_COMPONENT_KINDS: Readonly<Record<string, ComponentKind>> = {
  DataPoolManipulationHook: 'DataPoolManipulator',
  GeneralProbeHook: 'GeneralProbe',
  GeneralDataExecutorHook: 'GeneralDataExecutor',
  ProbeViaModelInferHook: 'ModelInferEvaluator',
  TrainModelHook: 'ModelTrainExecutor',
  InferModelHook: 'ModelInferExecutor',
  EvaluateDataHook: 'DataEvaluator',
  EvaluateModelHook: 'ModelEvaluator',
};

/** First-party providers of component types, keyed by `<kind>:<type>`. */
export const KNOWN_COMPONENT_PROVIDERS: Readonly<Record<string, string>> = {
  'DataExecutor:default': '@dj-sandbox/executor-data-juicer',
  'DataAnalyzer:default': '@dj-sandbox/executor-data-juicer',
  'DataPoolManipulator:data_pool_construction': '@dj-sandbox/executor-datapool',
  'DataPoolManipulator:data_pool_combination': '@dj-sandbox/executor-datapool',
  'DataPoolManipulator:data_pool_duplication': '@dj-sandbox/executor-datapool',
  'DataPoolManipulator:data_pool_downsampling': '@dj-sandbox/executor-datapool',
  'DataPoolManipulator:data_pool_merging': '@dj-sandbox/executor-datapool',
  'DataPoolManipulator:data_pool_cartesian_join': '@dj-sandbox/executor-datapool',
  'GeneralProbe:data_pool_ranking': '@dj-sandbox/executor-datapool',
  'GeneralDataExecutor:coco_caption_to_dj_conversion': '@dj-sandbox/executor-internvl',
  'GeneralDataExecutor:coco_caption_meta_generation': '@dj-sandbox/executor-internvl',
  'GeneralDataExecutor:dj_to_easyanimate_video_dataset_conversion': '@dj-sandbox/executor-easyanimate',
  'DataEvaluator:dj_text_quality_classifier': '@dj-sandbox/evaluator-quality-classifier',
  'DataEvaluator:video_inception_evaluator': '@dj-sandbox/evaluator-inception',
  'DataEvaluator:vbench_video_evaluator': '@dj-sandbox/evaluator-vbench',
  'DataEvaluator:accuracy': '@dj-sandbox/evaluator-metrics',
  'DataEvaluator:mse': '@dj-sandbox/evaluator-metrics',
  'DataEvaluator:caption_metrics': '@dj-sandbox/evaluator-caption',
  'ModelEvaluator:caption_metrics': '@dj-sandbox/evaluator-caption',
  'ModelEvaluator:internvl_coco_caption': '@dj-sandbox/executor-internvl',
  'ModelEvaluator:perplexity': '@dj-sandbox/executor-proxy-model',
  'ModelInferEvaluator:modelscope': '@dj-sandbox/executor-modelscope',
  'ModelInferEvaluator:api': '@dj-sandbox/executor-api',
  'ModelInferEvaluator:huggingface': '@dj-sandbox/executor-huggingface',
  'ModelInferEvaluator:vllm': '@dj-sandbox/executor-vllm',
  'ModelTrainExecutor:modelscope': '@dj-sandbox/executor-modelscope',
  'ModelTrainExecutor:easyanimate': '@dj-sandbox/executor-easyanimate',
  'ModelTrainExecutor:trinity-rft': '@dj-sandbox/executor-trinity-rft',
  'ModelTrainExecutor:internvl_coco_caption': '@dj-sandbox/executor-internvl',
  'ModelTrainExecutor:proxy_lm': '@dj-sandbox/executor-proxy-model',
  'ModelTrainExecutor:proxy_classifier': '@dj-sandbox/executor-proxy-model',
  'ModelInferExecutor:easyanimate': '@dj-sandbox/executor-easyanimate',
  'ModelInferExecutor:api': '@dj-sandbox/executor-api',
  'ModelInferExecutor:huggingface': '@dj-sandbox/executor-huggingface',
  'ModelInferExecutor:vllm': '@dj-sandbox/executor-vllm',
  'ModelInferExecutor:proxy_lm': '@dj-sandbox/executor-proxy-model',
  'ModelInferExecutor:proxy_classifier': '@dj-sandbox/executor-proxy-model',
};

/** The first-party package that provides a component type, if one is known. */
export function knownComponentProvider(kind: ComponentKind, type: string): string | undefined {
  return KNOWN_COMPONENT_PROVIDERS[`${kind}:${type}`];
}

/** First-party providers of services, keyed by the service ref's id. */
export const KNOWN_SERVICE_PROVIDERS: Readonly<Record<string, string>> = {
  'env-manager.python-envs': '@dj-sandbox/env-manager',
};
