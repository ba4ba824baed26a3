import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import {
  type AnyOperatorDefinition,
  type ComponentEnv,
  type ConfigTree,
  type Logger,
  operatorCatalogPoint,
  operatorsPoint,
} from '@dj-sandbox/core';
import { datasetSources, type SourceSpec } from '../dataset/dataset-sources.ts';
import { loadDataset } from '../dataset/load-dataset.ts';
import { createInputSchema } from '../export/exporter.ts';
import type { RowSchema } from '../export/row-schema.ts';
import { initRecipe } from '../recipe/init-recipe.ts';
import type { DjRecipe } from '../recipe/recipe-types.ts';
import { type Batch, OriginTable } from '../runtime/batch.ts';
import { Pipeline } from '../runtime/pipeline.ts';

/** Samples per batch flowing through the pipeline. */
export const DEFAULT_BATCH_SIZE = 1000;

/** A prepared run: the normalised recipe, its input stream and its operator pipeline. */
export interface PreparedRun {
  readonly recipe: DjRecipe;
  readonly pipeline: Pipeline;
  readonly input: AsyncGenerator<Batch>;
  readonly tempDir: string;
  /** Schema of the input rows, for the exporter. */
  readonly schema: RowSchema;
  /** Samples read so far (after null-text drop and sampling). */
  samplesIn(): number;
  /** Stops workers and removes intermediate files. */
  dispose(): Promise<void>;
}

/** The operators loaded plugins contributed, and the module each came from. */
export function loadedOperators(env: Pick<ComponentEnv, 'ownedExtensions'>): {
  definitions: AnyOperatorDefinition[];
  sources: Map<string, string | undefined>;
} {
  const owned = env.ownedExtensions(operatorsPoint);
  return {
    definitions: owned.map((o) => o.value),
    sources: new Map(owned.map((o) => [o.value.name, o.source])),
  };
}

function clampWorkers(np: number, logger: Logger): number {
  const cpus = availableParallelism();
  if (np > cpus) {
    logger.warn(`np ${np} is more than the ${cpus} available CPU(s); using ${cpus}`);
    return cpus;
  }
  return np;
}

/** Normalises the recipe, opens its datasets and builds the pipeline (workers started). */
export async function prepareRun(
  tree: ConfigTree,
  env: ComponentEnv,
  mode: 'process' | 'analyze',
  batchSize: number = DEFAULT_BATCH_SIZE,
): Promise<PreparedRun> {
  const logger = env.logger;
  const { definitions, sources } = loadedOperators(env);
  const recipe = await initRecipe(tree, definitions, {
    catalog: env.extensions(operatorCatalogPoint),
    onWarning: (warning) => logger.warn(warning.message),
  });
  const specs: SourceSpec[] = datasetSources(recipe.tree);
  await mkdir(recipe.workDir, { recursive: true });
  await mkdir(dirname(recipe.exportPath), { recursive: true });
  const tempDir = await mkdtemp(join(recipe.workDir, '.dj-tmp-'));
  const origins = new OriginTable();
  const t = recipe.tree;
  const schema = createInputSchema({
    keepStats: mode === 'analyze' ? t.export_original_dataset === true : t.keep_stats_in_res_ds === true,
    keepHashes: t.keep_hashes_in_res_ds === true,
  });
  const raw = loadDataset(specs, {
    textKeys: recipe.textKeys,
    mediaKeys: [t.image_key, t.audio_key, t.video_key].filter((k): k is string => typeof k === 'string'),
    suffixes: t.suffixes,
    strict: t.strict === true,
    logger,
    origins,
    tempDir,
    batchSize,
    observe: (sample) => schema.observeRow(sample),
  });
  let count = 0;
  async function* counted(): AsyncGenerator<Batch> {
    for await (const batch of raw) {
      count += batch.samples.length;
      yield batch;
    }
  }
  const first = specs[0]?.path;
  const pipeline = new Pipeline({
    recipe,
    mode,
    logger,
    progress: env.progress,
    sources,
    workers: clampWorkers(recipe.np, logger),
    tempDir,
    batchSize,
    origins,
    signal: env.signal,
    ...(first ? { datasetDir: first.match(/\.[^/]+$/) ? dirname(first) : first } : {}),
    ...(env.scope.metaName ? { job: env.scope.metaName } : {}),
  });
  try {
    await pipeline.start();
  } catch (error) {
    await rm(tempDir, { recursive: true, force: true });
    throw error;
  }
  return {
    recipe,
    pipeline,
    input: counted(),
    tempDir,
    schema,
    samplesIn: () => count,
    async dispose() {
      await pipeline.close();
      await rm(tempDir, { recursive: true, force: true });
    },
  };
}
