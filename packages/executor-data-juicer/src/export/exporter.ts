import { open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { asFileSystemError, type Sample, withAtomicFile } from '@dj-sandbox/core';
import { readLineChunks } from '../dataset/open-file.ts';
import type { SerializedPart } from '../runtime/raw-batch.ts';
import { shardLayout, shardPaths, statsPathOf } from './export-paths.ts';
import { JsonlWriter, parseLines } from './jsonl-writer.ts';
import { writeParquet } from './parquet-export.ts';
import { RowSchema } from './row-schema.ts';
import { META_KEY, STATS_KEY, splitExportRow } from './split-export-row.ts';

/** Hash columns removed on export unless `keep_hashes_in_res_ds` (docs/recipes.md#export). */
export const HASH_KEYS = [
  '__dj__uid',
  '__dj__hash',
  '__dj__minhash',
  '__dj__simhash',
  '__dj__imagehash',
  '__dj__videohash',
  '__dj__is_unique',
];

/** How to export (docs/recipes.md#export). */
export interface ExportOptions {
  readonly exportPath: string;
  readonly type: 'jsonl' | 'json' | 'parquet';
  /** Bytes per shard; 0 = one file. */
  readonly shardSize: number;
  readonly keepStats: boolean;
  readonly keepHashes: boolean;
  /** Hash fields declared by the recipe's deduplicators, removed with the standard ones. */
  readonly extraHashKeys?: readonly string[];
  /** Write the dataset itself (the analyzer writes it only with `export_original_dataset`). */
  readonly exportDataset: boolean;
  /** Folder for intermediate files. */
  readonly tempDir: string;
  /** Schema of the loaded rows (see {@link createInputSchema}); the export adds fields that ops create. */
  readonly schema?: RowSchema;
}

/** The columns the main export drops under these options. */
export function droppedColumns(
  options: Pick<ExportOptions, 'keepStats' | 'keepHashes' | 'extraHashKeys'>,
): Set<string> {
  return new Set([
    ...(options.keepStats ? [] : [STATS_KEY, META_KEY]),
    ...(options.keepHashes ? [] : [...HASH_KEYS, ...(options.extraHashKeys ?? [])]),
  ]);
}

/** A schema for the loader to observe input rows into, excluding the columns the export drops. */
export function createInputSchema(
  options: Pick<ExportOptions, 'keepStats' | 'keepHashes' | 'extraHashKeys'>,
): RowSchema {
  return new RowSchema(droppedColumns(options));
}

/** What an export wrote. */
export interface ExportResult {
  readonly exportPaths: string[];
  readonly statsPath?: string;
  readonly rows: number;
}

async function* lines(path: string): AsyncGenerator<string> {
  for await (const chunk of readLineChunks(path)) for (const line of chunk.lines) if (line) yield line;
}

async function takeLines(source: AsyncGenerator<string>, count: number): Promise<string[]> {
  const out: string[] = [];
  while (out.length < count) {
    const next = await source.next();
    if (next.done) break;
    out.push(next.value);
  }
  return out;
}

async function writeShard(
  path: string,
  type: ExportOptions['type'],
  source: AsyncGenerator<string>,
  count: number,
  writer: JsonlWriter,
): Promise<void> {
  if (type === 'parquet') {
    async function* rows(): AsyncGenerator<Record<string, unknown>> {
      for (let left = count; left > 0; left -= 1000)
        for (const l of await takeLines(source, Math.min(1000, left))) yield JSON.parse(l);
    }
    await withAtomicFile(path, (temp) => writeParquet(temp, writer.schema, rows()));
    return;
  }
  await withAtomicFile(path, (temp) => writeTextShard(temp, type, source, count));
}

async function writeTextShard(
  path: string,
  type: 'jsonl' | 'json',
  source: AsyncGenerator<string>,
  count: number,
): Promise<void> {
  const handle = await open(path, 'w');
  try {
    let first = true;
    if (type === 'json') await handle.write('[');
    for (let left = count; left > 0; left -= 1000) {
      const part = await takeLines(source, Math.min(1000, left));
      if (type === 'json') {
        await handle.write((first ? '' : ',') + part.join(','));
        first = false;
      } else await handle.write(`${part.join('\n')}\n`);
    }
    if (type === 'json') await handle.write(']\n');
  } finally {
    await handle.close();
  }
}

/**
 * Data-Juicer's standalone Exporter, streaming: the `<stem>_stats.jsonl` side file (stats and tag columns only),
 * then the dataset without stats / meta / hash columns (unless kept) as jsonl, json (array) or parquet, optionally
 * sharded. Rows are schema-unified like HF datasets (missing fields → null). Every file appears under its final
 * name only when complete; after a failure, {@link Exporter.discard} removes what was written.
 */
export class Exporter {
  private readonly main: JsonlWriter | undefined;
  private stats: JsonlWriter | undefined;
  private readonly drop: Set<string>;
  private readonly direct: boolean;
  private rowsSeen = 0;

  constructor(private readonly options: ExportOptions) {
    this.drop = droppedColumns(options);
    this.direct = options.type === 'jsonl' && options.shardSize <= 0;
    if (options.exportDataset) {
      this.main = new JsonlWriter(
        this.direct ? options.exportPath : join(options.tempDir, 'export.jsonl'),
        options.schema,
      );
    }
  }

  /** Writes a batch of output samples. */
  async write(samples: readonly Sample[]): Promise<void> {
    const main: Sample[] = [];
    let statsRows: Sample[] = [];
    for (let i = 0; i < samples.length; i++) {
      const s = samples[i]!;
      const parts = splitExportRow(s, this.drop);
      if (!parts) {
        main.push(s);
        if (this.stats) statsRows.push({});
        continue;
      }
      const { row, statsRow, hasStats } = parts;
      main.push(row);
      if (hasStats && !this.stats) {
        this.stats = new JsonlWriter(statsPathOf(this.options.exportPath));
        statsRows = Array.from({ length: this.rowsSeen + i }, () => ({}));
      }
      if (this.stats) statsRows.push(statsRow);
    }
    this.rowsSeen += samples.length;
    if (statsRows.length > 0 && this.stats) {
      // Observe the real rows first so that placeholder rows written before them get the stats column as null.
      for (const r of statsRows) this.stats.schema.observe(r);
      await this.stats.write(statsRows);
    }
    if (this.main) await this.main.write(main);
  }

  /**
   * Writes a batch a worker already split and serialised (see `runRawSteps`): the same bytes as {@link write}
   * of the parsed samples, without parsing them on this thread in the usual case.
   */
  async writeSerialized(count: number, main: SerializedPart, stats: SerializedPart | undefined, firstStats: number) {
    if (stats && firstStats >= 0 && !this.stats) {
      this.stats = new JsonlWriter(statsPathOf(this.options.exportPath));
      const rows = parseLines(stats.bytes).slice(firstStats) as Sample[];
      const statsRows = [...Array.from({ length: this.rowsSeen + firstStats }, () => ({})), ...rows];
      for (const r of statsRows) this.stats.schema.observe(r);
      await this.stats.write(statsRows);
    } else if (this.stats) {
      if (stats) await this.stats.writeSerialized(stats, count);
      else await this.stats.write(Array.from({ length: count }, () => ({})));
    }
    this.rowsSeen += count;
    if (this.main) await this.main.writeSerialized(main, count);
  }

  /** Where the dataset is exported. */
  get exportPath(): string {
    return this.options.exportPath;
  }

  /** Removes every partial file after a failure; complete files of an earlier run are left alone. */
  async discard(): Promise<void> {
    await this.stats?.discard();
    await this.main?.discard();
  }

  /** Finishes every file (unify rewrite, json/parquet conversion, sharding). */
  async close(): Promise<ExportResult> {
    const statsPath = this.stats ? this.stats.path : undefined;
    if (this.stats) await this.stats.close();
    const rows = this.rowsSeen;
    if (!this.main) return { exportPaths: [], ...(statsPath ? { statsPath } : {}), rows };
    await this.main.close();
    if (this.direct) return { exportPaths: [this.options.exportPath], ...(statsPath ? { statsPath } : {}), rows };
    const { type, shardSize, exportPath } = this.options;
    const layout = shardSize > 0 ? shardLayout(this.main.count, this.main.size, shardSize) : [this.main.count];
    const paths = shardSize > 0 ? shardPaths(exportPath, layout.length, type) : [exportPath];
    const source = lines(this.main.path);
    for (let i = 0; i < layout.length; i++) await writeShard(paths[i]!, type, source, layout[i]!, this.main);
    await rm(this.main.path, { force: true });
    return { exportPaths: paths, ...(statsPath ? { statsPath } : {}), rows };
  }
}

/**
 * Feeds an exporter with `produce` and closes it; when anything fails (an op, a kill signal, a full disk), the
 * partial files are removed so that no truncated output is left behind, and the error is rethrown.
 */
export async function exportAll(exporter: Exporter, produce: () => Promise<void>): Promise<ExportResult> {
  try {
    await produce();
    return await exporter.close();
  } catch (error) {
    await exporter.discard();
    throw asFileSystemError(exporter.exportPath, error);
  }
}
