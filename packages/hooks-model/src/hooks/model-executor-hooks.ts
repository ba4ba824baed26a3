import { type ComponentKind, defineHook, type HookDefinition, requireExtraConfigs } from '@dj-sandbox/core';

function executorHook(name: string, kind: ComponentKind, description: string): HookDefinition {
  return defineHook({
    name,
    description,
    componentKind: kind,
    needs: { extraConfigs: true },
    async run(ctx) {
      const executor = await ctx.components.create(kind, requireExtraConfigs(ctx));
      // The executor streams its own metrics (loss, lr) into the tracker; the hook only returns its result.
      return await executor.run();
    },
  });
}

/** `TrainModelHook`: builds a `ModelTrainExecutor` from `extra_configs.type`, runs it and returns its result. */
export const trainModelHook = executorHook(
  'TrainModelHook',
  'ModelTrainExecutor',
  'Trains a model with the executor named by extra_configs.type and returns its result.',
);

/** `InferModelHook`: builds a `ModelInferExecutor` from `extra_configs.type`, runs it and returns its result. */
export const inferModelHook = executorHook(
  'InferModelHook',
  'ModelInferExecutor',
  'Runs model inference with the executor named by extra_configs.type and returns its result.',
);
