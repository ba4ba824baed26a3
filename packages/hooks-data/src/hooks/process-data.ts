import { type DataExecutorComponent, defineHook, requireDjConfigs } from '@dj-sandbox/core';

/**
 * `ProcessDataHook`: runs the Data-Juicer executor on the job's recipe and returns the recipe's `export_path` in
 * its `iter_<n>` form, as the reference does (not the first shard's path).
 */
export const processDataHook = defineHook({
  name: 'ProcessDataHook',
  description: 'Processes a dataset with a Data-Juicer recipe and returns the export path.',
  needs: { djConfigs: true },
  async run(ctx) {
    const recipe = requireDjConfigs(ctx);
    const executor = (await ctx.components.create('DataExecutor', recipe)) as DataExecutorComponent;
    const result = await executor.run();
    ctx.logger.info(`Processed ${result.samplesIn} samples into ${result.samplesOut}.`);
    ctx.track({ samples_in: result.samplesIn, samples_out: result.samplesOut });
    return recipe.export_path;
  },
});
