import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import {
  type AnalyzeDataResult,
  type ComponentEnv,
  type ConfigTree,
  type Sample,
  writeFileAtomic,
} from '@dj-sandbox/core';
import { ColumnStore } from '../analyzer/column-store.ts';
import { pearsonMatrix } from '../analyzer/correlation.ts';
import { drawColumn, drawCorrelation } from '../analyzer/figures.ts';
import { overallCsv, overallMarkdown, overallTable, toOverallResult } from '../analyzer/overall-table.ts';
import { statsPathOf } from '../export/export-paths.ts';
import { Exporter, exportAll } from '../export/exporter.ts';
import { parseLines } from '../export/jsonl-writer.ts';
import { exportTypeOf } from '../recipe/init-recipe.ts';
import { prepareRun, type RunTuning } from './engine-env.ts';

/**
 * Data-Juicer's Analyzer (docs/recipes.md#analysis): computes the stats of every filter in `process` without dropping
 * anything, writes `<stem>_stats.jsonl` (and the dataset with stats when `export_original_dataset`), then the overall
 * table (`analysis/overall.csv`, `overall.md`), per-stat figures and the Pearson correlation heat map.
 */
export async function analyzeRecipe(
  tree: ConfigTree,
  env: ComponentEnv,
  tuning?: RunTuning,
): Promise<AnalyzeDataResult> {
  const run = await prepareRun(tree, env, 'analyze', tuning);
  try {
    const { recipe, pipeline } = run;
    const t = recipe.tree;
    const exportOriginal = t.export_original_dataset === true;
    const exporter = new Exporter({
      exportPath: recipe.exportPath,
      type: exportTypeOf(t) as 'jsonl' | 'json' | 'parquet',
      shardSize: Number(t.export_shard_size) || 0,
      keepStats: exportOriginal,
      keepHashes: t.keep_hashes_in_res_ds === true,
      exportDataset: exportOriginal,
      tempDir: run.tempDir,
      schema: run.schema,
    });
    const store = new ColumnStore(env.logger);
    const exported = await exportAll(exporter, async () => {
      if (!run.raw) {
        for await (const batch of pipeline.run(run.input)) {
          for (const sample of batch.samples) store.add(sample);
          await exporter.write(batch.samples);
        }
        return;
      }
      // Workers serialised the rows; only the small stats rows are parsed here, for the overall table.
      for await (const item of pipeline.runRaw(run.raw.input, run.raw.config, run.raw.onLoad)) {
        if ('samples' in item) {
          for (const sample of item.samples) store.add(sample);
          await exporter.write(item.samples);
          continue;
        }
        if (item.stats) for (const row of parseLines(item.stats.bytes)) store.add(row as Sample);
        else for (let i = 0; i < item.count; i++) store.add({});
        await exporter.writeSerialized(item.count, item.main!, item.stats, item.firstStats);
      }
      run.raw.finish();
    });
    const analysisDir = join(recipe.workDir, 'analysis');
    const base = {
      exportPath: recipe.exportPath,
      statsPath: exported.statsPath ?? statsPathOf(recipe.exportPath),
      analysisDir,
      samples: store.rows,
    };
    const columns = store.columns();
    if (columns.length === 0) {
      env.logger.warn('no operator in process produced stats or tags: nothing to analyse');
      return { ...base, overall: {}, figures: [] };
    }
    await mkdir(analysisDir, { recursive: true });
    const percentiles = Array.isArray(t.percentiles) ? (t.percentiles as number[]) : [];
    const table = overallTable(columns, percentiles);
    await writeFileAtomic(join(analysisDir, 'overall.csv'), overallCsv(table));
    await writeFileAtomic(join(analysisDir, 'overall.md'), overallMarkdown(table));
    if (t.save_stats_in_one_file === true)
      env.logger.warn('save_stats_in_one_file is not supported: writing one figure per stat');
    // Every figure at once: each one's PNG encoding runs on libuv's thread pool (sharp) while this thread lays out
    // the next one's SVG, instead of waiting for each in turn. The list keeps the columns' order.
    const drawn: Array<Promise<string[]>> = table.columns.map((col) =>
      drawColumn(analysisDir, { ...col, counts: columns.find((c) => c.name === col.name)!.counts }),
    );
    const numeric = columns.filter((c) => c.fromStats && c.kind === 'numeric');
    if (numeric.length > 0) {
      const path = join(analysisDir, 'stats-corr-pearson.png');
      drawn.push(
        drawCorrelation(
          path,
          numeric.map((c) => c.name),
          pearsonMatrix(numeric.map((c) => c.perRow.view())),
        ).then(() => [path]),
      );
    }
    const figures = (await Promise.all(drawn)).flat();
    return { ...base, overall: toOverallResult(table), figures };
  } finally {
    await run.dispose();
  }
}
