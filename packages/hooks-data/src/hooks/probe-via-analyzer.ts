import { type DataAnalyzerComponent, defineHook, requireDjConfigs } from '@dj-sandbox/core';

/**
 * `ProbeViaAnalyzerHook`: runs the Data-Juicer analyzer on the job's recipe, tracks the overall table under the
 * job's `meta_name` (so that `RefineRecipeViaKSigmaHook` with the same `meta_name` can read it) and returns the
 * recipe's `export_path` (its `iter_<n>` form).
 */
export const probeViaAnalyzerHook = defineHook({
  name: 'ProbeViaAnalyzerHook',
  description: "Analyses a dataset with the recipe's filters and tracks the overall stats table.",
  needs: { djConfigs: true },
  async run(ctx) {
    const recipe = requireDjConfigs(ctx);
    const analyzer = (await ctx.components.create('DataAnalyzer', recipe)) as DataAnalyzerComponent;
    const result = await analyzer.run();
    ctx.track(result.overall);
    ctx.logger.info(`Analysed ${result.samples} samples; the overall table is in ${result.analysisDir}.`);
    return result.exportPath;
  },
});
