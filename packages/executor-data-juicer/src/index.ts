import { definePlugin, versionOf } from '@dj-sandbox/core';
import { dataAnalyzerComponent } from './components/data-analyzer.ts';
import { dataExecutorComponent } from './components/data-executor.ts';

export { analyzeRecipe } from './components/analyze-recipe.ts';
export { dataAnalyzerComponent } from './components/data-analyzer.ts';
export { dataExecutorComponent } from './components/data-executor.ts';
export { processRecipe } from './components/process-recipe.ts';
export { datasetSources, mixtureCounts, parseDatasetPath, type SourceSpec } from './dataset/dataset-sources.ts';
export { shardPaths, statsPathOf } from './export/export-paths.ts';
export { EXPORT_TYPES, exportTypeOf, type InitRecipeOptions, initRecipe } from './recipe/init-recipe.ts';
export { loadRecipeFile } from './recipe/load-recipe-file.ts';
export type { DjRecipe, ResolvedOp } from './recipe/recipe-types.ts';

/** The Data-Juicer data engine plugin: registers the `DataExecutor` and `DataAnalyzer` components (type `default`). */
export default definePlugin({
  id: 'executor-data-juicer',
  version: versionOf(import.meta.url),
  apiVersion: 1,
  description:
    'Data-Juicer recipes: dataset loading, operator runtime (streaming, worker threads), export and analysis.',
  register(reg) {
    reg.components.add(dataExecutorComponent, dataAnalyzerComponent);
  },
});
