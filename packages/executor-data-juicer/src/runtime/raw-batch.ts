import type { PlainSchemaNode } from '../export/row-schema.ts';
import type { DroppedSample } from './run-steps.ts';

/**
 * Raw input lines for a worker thread: whole JSON lines of one file as UTF-8 bytes (transferred, not copied), so
 * that parsing happens in the worker and the main thread only reads, orders and writes (see docs/data-engines.md).
 */
export interface RawLines {
  /** Complete lines, each ending in `\n` except possibly the file's last one. */
  bytes: Uint8Array;
  /** 1-based number of the first line in the file. */
  firstLine: number;
  /** Lines in `bytes`. */
  lineCount: number;
  /** Id of the file in the run's origin table. */
  fileId: number;
  /** Index of the dataset source the file belongs to. */
  source: number;
  /** Folder that relative media paths of this source resolve against. */
  mediaBase: string;
  /** True for a file's first batch (a leading byte-order mark is dropped there only). */
  startOfFile: boolean;
  /**
   * Lines from a spill file (already loaded rows): each line's origin; no input schema or load checks apply.
   */
  origins?: Float64Array;
}

/** What a worker needs to load raw lines like the loader and serialise its output like the exporter. */
export interface RawConfig {
  readonly textKeys: readonly string[];
  readonly mediaKeys: readonly string[];
  /** Top-level fields the input schema leaves out (the columns the export drops). */
  readonly excludeTop: readonly string[];
  /** `export`: rows serialised for the exporter; `spill`: samples for a deduplicator's spill file, with hashes. */
  readonly output: 'export' | 'spill';
  /** False when only the stats are exported (the analyzer without `export_original_dataset`). */
  readonly withDataset: boolean;
  /** Hash fields of the deduplicator that follows (for `spill`). */
  readonly hashKeys: readonly string[];
}

/** Rows serialised as JSON lines, with the schema of those rows and whether each row fits it unchanged. */
export interface SerializedPart {
  /** UTF-8 JSON lines (transferred back, not copied). */
  bytes: Uint8Array;
  schema: PlainSchemaNode;
  fits: boolean;
}

/** What the loader learns from a raw batch. */
export interface RawLoadReport {
  source: number;
  fileId: number;
  /** Rows read (valid JSON objects). */
  rows: number;
  /** Rows dropped because a text key is null or missing. */
  nullText: number;
  /** Which text keys were present in some row. */
  seen: boolean[];
  /** The first line whose bytes were not valid UTF-8 (replaced by U+FFFD; the line is kept). */
  invalidUtf8?: number;
  /** Lines that are not a JSON object, in order. */
  malformed: Array<{ line: number; reason: string }>;
  /** Schema of the rows read (excluded columns left out). */
  inputSchema: PlainSchemaNode;
}

/** The outcome of a raw batch, after the steps. */
export interface RawResult {
  load: RawLoadReport;
  /** Samples in and out of each step, seconds per step, and samples dropped under skip_op_error. */
  inCounts: number[];
  outCounts: number[];
  seconds: number[];
  dropped: DroppedSample[];
  /** Samples out of the last step. */
  count: number;
  /** For `export`: the dataset rows and stats rows (one per sample; `{}` without stats). */
  main?: SerializedPart;
  stats?: SerializedPart;
  /** For `export`: index of the first sample with stats or meta columns; -1 when none has. */
  firstStats: number;
  /** For `spill`: one JSON line per sample, each sample's origin and its hash values by key. */
  spill?: Uint8Array;
  origins?: Float64Array;
  hashes?: Record<string, unknown[]>;
}
