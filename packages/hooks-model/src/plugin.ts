import { definePlugin, versionOf } from '@dj-sandbox/core';
import { evaluateDataHook, evaluateModelHook } from './hooks/evaluate-hooks.ts';
import { inferModelHook, trainModelHook } from './hooks/model-executor-hooks.ts';
import { probeViaModelInferHook } from './hooks/probe-via-model-infer.ts';
import { refineRecipeViaModelFeedbackHook } from './hooks/refine-recipe-via-model-feedback.ts';

/** Every hook this plugin provides. */
export const modelHooks = [
  probeViaModelInferHook,
  refineRecipeViaModelFeedbackHook,
  trainModelHook,
  inferModelHook,
  evaluateDataHook,
  evaluateModelHook,
];

/** The hooks-model plugin: the reference's model hooks, built on the model and evaluator component kinds. */
export default definePlugin({
  id: 'hooks-model',
  version: versionOf(import.meta.url),
  apiVersion: 1,
  description:
    'TrainModel, InferModel, ProbeViaModelInfer, RefineRecipeViaModelFeedback, EvaluateData and EvaluateModel hooks.',
  register(reg) {
    reg.hooks.add(...modelHooks);
  },
});
