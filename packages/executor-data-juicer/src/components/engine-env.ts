import { statSync } from 'node:fs';
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
import { collectFiles } from '../dataset/collect-files.ts';
import { datasetSources, type SourceSpec } from '../dataset/dataset-sources.ts';
import { inputLineHandler, loadDataset, textKeyMissing } from '../dataset/load-dataset.ts';
import { rawLinesEligible, readRawLines } from '../dataset/raw-lines.ts';
import { createInputSchema, droppedColumns } from '../export/exporter.ts';
import { mergePlainSchema, type RowSchema } from '../export/row-schema.ts';
import { initRecipe } from '../recipe/init-recipe.ts';
import type { DjRecipe } from '../recipe/recipe-types.ts';
import { type Batch, OriginTable } from '../runtime/batch.ts';
import { Pipeline } from '../runtime/pipeline.ts';
import type { RawConfig, RawLines, RawLoadReport } from '../runtime/raw-batch.ts';

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
  /** The raw-lines path (workers parse and serialise), when the inputs and the recipe allow it. */
  readonly raw?: RawRun;
  /** Samples read so far (after null-text drop and sampling). */
  samplesIn(): number;
  /** Stops workers and removes intermediate files. */
  dispose(): Promise<void>;
}

/** What `Pipeline.runRaw` needs from the run, and the loader's checks over the workers' load reports. */
export interface RawRun {
  readonly input: AsyncGenerator<RawLines>;
  readonly config: Pick<RawConfig, 'textKeys' | 'mediaKeys' | 'excludeTop' | 'withDataset'>;
  /** Sees each batch's load report in input order. */
  onLoad(report: RawLoadReport): void;
  /** After the last batch: fails on a text key no row has; logs rows dropped for null texts. */
  finish(): void;
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

/** Below this many input bytes a recipe without `np` runs on one thread: starting workers would cost more. */
export const SMALL_INPUT_BYTES = 4 << 20;

function inputBytes(specs: readonly SourceSpec[], suffixes: unknown): number {
  let total = 0;
  for (const spec of specs) {
    try {
      for (const file of collectFiles(spec.path, suffixes, spec.configPath).files) total += statSync(file).size;
    } catch {
      // The loader reports a missing or unreadable source with its own error.
      return Number.POSITIVE_INFINITY;
    }
  }
  return total;
}

/**
 * Worker threads for the run: `np` clamped to the CPU count (with a warning), as Data-Juicer clamps it; a recipe
 * that leaves `np` unset uses every core (Data-Juicer's default of 4 is the core count on machines with up to 4),
 * or one thread for inputs under {@link SMALL_INPUT_BYTES}.
 */
function clampWorkers(np: number | undefined, logger: Logger, bytes: () => number): number {
  const cpus = availableParallelism();
  if (np === undefined) return bytes() < SMALL_INPUT_BYTES ? 1 : cpus;
  if (np > cpus) {
    logger.warn(`np ${np} is more than the ${cpus} available CPU(s); using ${cpus}`);
    return cpus;
  }
  return np;
}

/** Internal knobs of a run that tests turn (not recipe keys). */
export interface RunTuning {
  /** Samples per batch (default {@link DEFAULT_BATCH_SIZE}). */
  batchSize?: number;
  /** False: with np > 1, every batch runs in a worker thread, none on the main thread (default true). */
  mainThreadBatches?: boolean;
}

/** Normalises the recipe, opens its datasets and builds the pipeline (workers started). */
export async function prepareRun(
  tree: ConfigTree,
  env: ComponentEnv,
  mode: 'process' | 'analyze',
  tuning: RunTuning = {},
): Promise<PreparedRun> {
  const batchSize = tuning.batchSize ?? DEFAULT_BATCH_SIZE;
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
  const mediaKeys = [t.image_key, t.audio_key, t.video_key].filter((k): k is string => typeof k === 'string');
  const raw = loadDataset(specs, {
    textKeys: recipe.textKeys,
    mediaKeys,
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
    workers: clampWorkers(tree.np == null ? undefined : recipe.np, logger, () => inputBytes(specs, t.suffixes)),
    tempDir,
    batchSize,
    origins,
    signal: env.signal,
    ...(tuning.mainThreadBatches === false ? { mainThreadBatches: false } : {}),
    ...(first ? { datasetDir: first.match(/\.[^/]+$/) ? dirname(first) : first } : {}),
    ...(env.scope.metaName ? { job: env.scope.metaName } : {}),
  });
  try {
    await pipeline.start();
  } catch (error) {
    await rm(tempDir, { recursive: true, force: true });
    throw error;
  }
  let rawRun: RawRun | undefined;
  if (pipeline.rawOutput() && rawLinesEligible(specs, t.suffixes)) {
    const excludeTop = [
      ...droppedColumns({
        keepStats: mode === 'analyze' ? t.export_original_dataset === true : t.keep_stats_in_res_ds === true,
        keepHashes: t.keep_hashes_in_res_ds === true,
      }),
    ];
    const perSource = specs.map(() => ({ rows: 0, nullText: 0, seen: recipe.textKeys.map(() => false) }));
    rawRun = {
      input: readRawLines(specs, { suffixes: t.suffixes, batchSize, origins, logger }),
      config: {
        textKeys: recipe.textKeys,
        mediaKeys,
        excludeTop,
        withDataset: mode === 'process' || t.export_original_dataset === true,
      },
      onLoad(report) {
        const file = origins.files[report.fileId]!;
        const onLine = inputLineHandler(specs[report.source]!.configPath, t.strict === true, logger);
        if (report.invalidUtf8 !== undefined)
          onLine(file, report.invalidUtf8, 'is not valid UTF-8: its bad bytes were replaced by U+FFFD', true);
        for (const { line, reason } of report.malformed) onLine(file, line, reason);
        mergePlainSchema(schema, report.inputSchema, true);
        const source = perSource[report.source]!;
        source.rows += report.rows;
        source.nullText += report.nullText;
        report.seen.forEach((seen, k) => {
          if (seen) source.seen[k] = true;
        });
        count += report.rows - report.nullText;
      },
      finish() {
        perSource.forEach((source, i) => {
          const path = specs[i]!.path;
          const missing = recipe.textKeys.filter((_, k) => !source.seen[k]);
          if (source.rows > 0 && missing.length > 0) throw textKeyMissing(missing, path);
          if (source.nullText > 0) logger.info(`dropped ${source.nullText} sample(s) whose text is null in ${path}`);
        });
      },
    };
  }
  return {
    recipe,
    pipeline,
    ...(rawRun ? { raw: rawRun } : {}),
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
