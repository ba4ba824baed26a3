import type { ComponentEnv, ConfigTree, ProcessDataResult } from '@dj-sandbox/core';
import { Exporter, exportAll } from '../export/exporter.ts';
import { exportTypeOf } from '../recipe/init-recipe.ts';
import { prepareRun, type RunTuning } from './engine-env.ts';

/**
 * Data-Juicer's `DefaultExecutor.run()` (docs/recipes.md#processing): loads the recipe's datasets, streams them through
 * `process`, exports the result and the `_stats.jsonl` side file (docs/recipes.md#export).
 */
export async function processRecipe(
  tree: ConfigTree,
  env: ComponentEnv,
  tuning?: RunTuning,
): Promise<ProcessDataResult> {
  const run = await prepareRun(tree, env, 'process', tuning);
  try {
    const { recipe, pipeline } = run;
    const t = recipe.tree;
    const exporter = new Exporter({
      exportPath: recipe.exportPath,
      type: exportTypeOf(t) as 'jsonl' | 'json' | 'parquet',
      shardSize: Number(t.export_shard_size) || 0,
      keepStats: t.keep_stats_in_res_ds === true,
      keepHashes: t.keep_hashes_in_res_ds === true,
      exportDataset: true,
      tempDir: run.tempDir,
      schema: run.schema,
    });
    const exported = await exportAll(exporter, async () => {
      if (run.raw) {
        for await (const item of pipeline.runRaw(run.raw.input, run.raw.config, run.raw.onLoad)) {
          if ('samples' in item) await exporter.write(item.samples);
          else await exporter.writeSerialized(item.count, item.main!, item.stats, item.firstStats);
        }
        run.raw.finish();
      } else for await (const batch of pipeline.run(run.input)) await exporter.write(batch.samples);
    });
    const n = pipeline.reports.length;
    pipeline.reports.forEach((r, i) => {
      env.logger.info(
        `[${i + 1}/${n}] OP [${r.name}] Done in ${r.seconds.toFixed(3)} s. Left ${r.samplesOut} samples.`,
      );
    });
    return {
      exportPath: exported.exportPaths[0]!,
      exportPaths: exported.exportPaths,
      ...(exported.statsPath ? { statsPath: exported.statsPath } : {}),
      samplesIn: run.samplesIn(),
      samplesOut: exported.rows,
      ops: pipeline.reports.map((r) => ({ ...r })),
    };
  } finally {
    await run.dispose();
  }
}
