export { evaluateDataHook, evaluateModelHook } from './hooks/evaluate-hooks.ts';
export { inferModelHook, trainModelHook } from './hooks/model-executor-hooks.ts';
export { PROBE_SAMPLE_FILE, probeViaModelInferHook } from './hooks/probe-via-model-infer.ts';
export { refineRecipeViaModelFeedbackHook } from './hooks/refine-recipe-via-model-feedback.ts';
export { default, modelHooks } from './plugin.ts';
