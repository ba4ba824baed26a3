import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type {
  AnalyzeDataResult,
  ComponentEnv,
  ConfigTree,
  DataAnalyzerComponent,
  DataEngine,
  DataExecutorComponent,
  ProcessDataResult,
} from '@dj-sandbox/core';
import { DATA_JUICER_VERSION, type DataJuicerPyOptions } from './engine-env.ts';
import { dataJuicerOperators } from './manifest.ts';
import { parseOverallCsv } from './overall-csv.ts';
import { runDataJuicer } from './run-data-juicer.ts';

function statsFileOf(files: readonly string[]): string | undefined {
  return files.find((f) => f.endsWith('_stats.jsonl'));
}

/** Processes a recipe with Data-Juicer and reports it in the native engine's {@link ProcessDataResult} shape. */
export async function processWithDataJuicer(
  recipe: ConfigTree,
  env: ComponentEnv,
  options: DataJuicerPyOptions,
): Promise<ProcessDataResult> {
  const run = await runDataJuicer('process', recipe, env, options);
  const statsPath = statsFileOf(run.files);
  const exportPaths = run.files.filter((f) => f !== statsPath);
  return {
    exportPath: exportPaths[0] ?? run.exportPath,
    exportPaths,
    ...(statsPath ? { statsPath } : {}),
    samplesIn: run.samplesIn,
    samplesOut: run.samplesOut,
    ops: run.ops.map((op) => ({ name: op.name, samplesOut: op.samplesOut, seconds: op.seconds })),
  };
}

/**
 * Analyzes a recipe with Data-Juicer's Analyzer: its stats file, its `overall.csv` read into the native analyzer's
 * table shape (so k-sigma refines from Data-Juicer's numbers), and the figures it drew.
 */
export async function analyzeWithDataJuicer(
  recipe: ConfigTree,
  env: ComponentEnv,
  options: DataJuicerPyOptions,
): Promise<AnalyzeDataResult> {
  const run = await runDataJuicer('analyze', recipe, env, options);
  const analysisDir = String(run.result.analysis_dir ?? join(String(run.result.work_dir), 'analysis'));
  const overallFile = join(analysisDir, 'overall.csv');
  const figures = existsSync(analysisDir)
    ? readdirSync(analysisDir)
        .filter((f) => f.endsWith('.png'))
        .sort()
        .map((f) => join(analysisDir, f))
    : [];
  return {
    exportPath: run.exportPath,
    statsPath: statsFileOf(run.files) ?? run.exportPath.replace(/\.[^./]+$/, '_stats.jsonl'),
    analysisDir,
    overall: existsSync(overallFile) ? parseOverallCsv(readFileSync(overallFile, 'utf8')) : {},
    figures,
    samples: run.samplesIn,
  };
}

/** Data-Juicer as a {@link DataEngine}: every operator of the manifest, and Ray. */
export function pythonDataEngine(options: DataJuicerPyOptions = {}): DataEngine {
  return {
    id: 'python',
    label: `Data-Juicer ${DATA_JUICER_VERSION} (Python)`,
    operators: new Set(dataJuicerOperators().map((op) => op.name)),
    ray: true,
    createExecutor: (recipe, env): DataExecutorComponent => ({
      run: () => processWithDataJuicer(recipe, env, options),
    }),
    createAnalyzer: (recipe, env): DataAnalyzerComponent => ({
      run: () => analyzeWithDataJuicer(recipe, env, options),
    }),
  };
}
