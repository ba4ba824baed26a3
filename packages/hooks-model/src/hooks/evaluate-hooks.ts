import { defineHook, requireExtraConfigs } from '@dj-sandbox/core';
import { trackResult } from './track-result.ts';

/**
 * `EvaluateDataHook`: builds a `DataEvaluator` from `extra_configs.type`, calls `run('data')`, tracks the result
 * under the job's meta_name and returns it. A `multiOutput(...)` result passes through, so `output: [a, b]` names
 * each of its values (the reference's accuracy and MSE evaluators return two).
 */
export const evaluateDataHook = defineHook({
  name: 'EvaluateDataHook',
  description: 'Evaluates data with the DataEvaluator named by extra_configs.type and tracks the result.',
  componentKind: 'DataEvaluator',
  needs: { extraConfigs: true },
  async run(ctx) {
    const evaluator = await ctx.components.create('DataEvaluator', requireExtraConfigs(ctx));
    const result = await evaluator.run('data');
    trackResult(ctx, result);
    return result;
  },
});

/**
 * `EvaluateModelHook`: builds a `ModelEvaluator` from `extra_configs.type` and calls `run({})`, as the reference
 * does (its first parameter, the evaluation type, receives an empty mapping); tracks and returns the result.
 */
export const evaluateModelHook = defineHook({
  name: 'EvaluateModelHook',
  description: 'Evaluates a model with the ModelEvaluator named by extra_configs.type and tracks the result.',
  componentKind: 'ModelEvaluator',
  needs: { extraConfigs: true },
  async run(ctx) {
    const evaluator = await ctx.components.create('ModelEvaluator', requireExtraConfigs(ctx));
    const result = await evaluator.run({});
    trackResult(ctx, result);
    return result;
  },
});
