import { defineHook, jobError } from '@dj-sandbox/core';

/**
 * `RefineRecipeViaModelFeedbackHook`: a stub in the reference (it crashes on a missing attribute). Here it returns
 * `null` when `extra_configs.path_model_feedback_recipe` is absent, which is recorded as a null output, and fails
 * with a clear "not implemented yet" error when it is set, which is what the reference meant to do.
 */
export const refineRecipeViaModelFeedbackHook = defineHook({
  name: 'RefineRecipeViaModelFeedbackHook',
  description: 'Not implemented yet (as in the reference); returns null unless path_model_feedback_recipe is set.',
  run(ctx) {
    const target = ctx.extraConfigs?.path_model_feedback_recipe;
    if (target === undefined || target === null) {
      ctx.logger.warn('RefineRecipeViaModelFeedbackHook has no path_model_feedback_recipe: nothing to refine.');
      return null;
    }
    throw jobError('not-implemented', 'RefineRecipeViaModelFeedbackHook is not implemented yet.', {
      plugin: 'hooks-model',
      job: ctx.metaName ?? undefined,
      pipeline: ctx.pipeline,
      path: 'extra_configs.path_model_feedback_recipe',
      expected: 'no path_model_feedback_recipe (the hook then records null)',
      received: target,
      fix: 'Refine the recipe with RefineRecipeViaKSigmaHook (hooks-data) after a ProbeViaAnalyzerHook job instead.',
    });
  },
});
