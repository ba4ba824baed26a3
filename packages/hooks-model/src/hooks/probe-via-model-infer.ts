import { dirname, join } from 'node:path';
import {
  type ConfigTree,
  type DataExecutorComponent,
  defineHook,
  type HookContext,
  jobError,
  requireDjConfigs,
  requireExtraConfigs,
} from '@dj-sandbox/core';
import { trackResult } from './track-result.ts';

/** File name of the probe sample, next to the recipe's (iterated) export path. */
export const PROBE_SAMPLE_FILE = 'model_infer_probe_sample.jsonl';

function fail(ctx: HookContext, code: string, summary: string, data: Record<string, unknown>) {
  return jobError(code, summary, {
    plugin: 'hooks-model',
    job: ctx.metaName ?? undefined,
    pipeline: ctx.pipeline,
    ...data,
  });
}

function probeRatio(ctx: HookContext, recipe: ConfigTree): number {
  const ratio = recipe.data_probe_ratio ?? 1.0;
  if (typeof ratio === 'number' && ratio >= 0 && ratio <= 1) return ratio;
  throw fail(ctx, 'probe-ratio-invalid', 'data_probe_ratio must be a number in [0, 1].', {
    path: 'dj_configs.data_probe_ratio',
    expected: 'a number between 0 and 1 (default 1.0)',
    received: ratio,
    fix: 'Set data_probe_ratio to the share of the dataset to probe, e.g. 0.1.',
  });
}

function sampleExportPath(ctx: HookContext, recipe: ConfigTree): string {
  const exportPath = recipe.export_path;
  if (typeof exportPath === 'string' && exportPath !== '') return join(dirname(exportPath), PROBE_SAMPLE_FILE);
  return join(ctx.workDir, `iter_${ctx.iteration}`, PROBE_SAMPLE_FILE);
}

/**
 * `ProbeViaModelInferHook` (unusable in the reference): samples the recipe's dataset with `data_probe_ratio`
 * (default 1.0) and `data_probe_algo` (default `uniform`) through the data engine's `sample()`, writing the sample
 * next to the recipe's iterated `export_path`; then runs the `ModelInferEvaluator` of `extra_configs` on it (as its
 * `dataset_path`), tracks the result under the job's meta_name and returns it.
 */
export const probeViaModelInferHook = defineHook({
  name: 'ProbeViaModelInferHook',
  description: 'Samples the recipe dataset, runs the ModelInferEvaluator of extra_configs on it and tracks the result.',
  componentKind: 'ModelInferEvaluator',
  needs: { djConfigs: true, extraConfigs: true },
  async run(ctx) {
    const recipe = requireDjConfigs(ctx);
    const extra = requireExtraConfigs(ctx);
    const ratio = probeRatio(ctx, recipe);
    const algo = String(recipe.data_probe_algo ?? 'uniform');
    const executor = (await ctx.components.create('DataExecutor', recipe)) as DataExecutorComponent;
    if (typeof executor.sample !== 'function') {
      throw fail(ctx, 'sample-unsupported', 'the data engine cannot draw a probe sample.', {
        path: 'dj_configs',
        expected: 'a DataExecutor component with a sample() method',
        received: 'a DataExecutor without sample()',
        fix: 'Load @dj-sandbox/executor-data-juicer (or a data engine that implements sample()) in plugins.',
      });
    }
    const sampledPath = await executor.sample({ ratio, algo, exportPath: sampleExportPath(ctx, recipe) });
    ctx.logger.info(`Probing model inference on ${sampledPath} (ratio ${ratio}, algo ${algo}).`);
    const evaluator = await ctx.components.create('ModelInferEvaluator', { ...extra, dataset_path: sampledPath });
    const result = await evaluator.run();
    trackResult(ctx, result);
    return result;
  },
});
