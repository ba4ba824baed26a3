import { type ComponentKind, defineHook, type HookDefinition, requireExtraConfigs } from '@dj-sandbox/core';

function componentHook(name: string, kind: ComponentKind, description: string): HookDefinition {
  return defineHook({
    name,
    description,
    componentKind: kind,
    needs: { extraConfigs: true },
    async run(ctx) {
      const component = await ctx.components.create(kind, requireExtraConfigs(ctx));
      return component.run();
    },
  });
}

/** `DataPoolManipulationHook`: builds a `DataPoolManipulator` from `extra_configs.type` and returns its result. */
export const dataPoolManipulationHook = componentHook(
  'DataPoolManipulationHook',
  'DataPoolManipulator',
  'Runs a data-pool manipulator (construction, combination, duplication, ...) from extra_configs.',
);

/** `GeneralProbeHook`: builds a `GeneralProbe` from `extra_configs.type` (e.g. `data_pool_ranking`). */
export const generalProbeHook = componentHook(
  'GeneralProbeHook',
  'GeneralProbe',
  'Runs a general probe (e.g. data_pool_ranking) from extra_configs.',
);

/** `GeneralDataExecutorHook`: builds a `GeneralDataExecutor` from `extra_configs.type` (format conversions). */
export const generalDataExecutorHook = componentHook(
  'GeneralDataExecutorHook',
  'GeneralDataExecutor',
  'Runs a general data executor (format conversions) from extra_configs.',
);
