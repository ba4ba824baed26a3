import { nestedQuery, type OperatorInstance, type Sample } from '@dj-sandbox/core';
import { resolveMedia } from '../dataset/resolve-media.ts';
import { plainSchema, RowSchema } from '../export/row-schema.ts';
import { splitExportRow } from '../export/split-export-row.ts';
import type { Batch } from './batch.ts';
import type { RawConfig, RawLines, RawLoadReport, RawResult, SerializedPart } from './raw-batch.ts';
import { runSteps, type StepSpec } from './run-steps.ts';

const FILE_STRIDE = 2 ** 32;
// TextEncoder gives each result its own ArrayBuffer, which can be transferred (Buffer.from may share a pool).
const encoder = new TextEncoder();

function isObject(value: unknown): value is Sample {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function count(text: string, char: string): number {
  let n = 0;
  for (let i = text.indexOf(char); i >= 0; i = text.indexOf(char, i + 1)) n++;
  return n;
}

/** U+FFFD written as such in the input (EF BF BD): valid UTF-8, not a decoding loss. */
function encodedReplacements(bytes: Uint8Array, from: number, to: number): number {
  let n = 0;
  for (let i = bytes.indexOf(0xef, from); i >= 0 && i + 2 < to; i = bytes.indexOf(0xef, i + 1))
    if (bytes[i + 1] === 0xbf && bytes[i + 2] === 0xbd) n++;
  return n;
}

/**
 * The first line (1-based in the file) whose bytes were not valid UTF-8 and were replaced by U+FFFD, as the
 * single-thread reader reports it (readLineChunks); undefined when the batch decoded cleanly.
 */
function firstInvalidUtf8Line(raw: RawLines, lines: readonly string[]): number | undefined {
  let from = 0;
  for (let i = 0; i < lines.length; i++) {
    const end = raw.bytes.indexOf(0x0a, from);
    const to = end < 0 ? raw.bytes.length : end;
    const line = lines[i]!;
    if (line.includes('\ufffd') && count(line, '\ufffd') > encodedReplacements(raw.bytes, from, to))
      return raw.firstLine + i;
    from = to + 1;
  }
  return undefined;
}

/** Parses raw lines as the JSON-lines reader and the loader do (blank lines skipped, null texts dropped). */
function load(raw: RawLines, config: RawConfig): { batch: Batch; report: RawLoadReport } {
  const decoder = new TextDecoder('utf-8', { ignoreBOM: !raw.startOfFile });
  const decoded = decoder.decode(raw.bytes);
  const lines = decoded.split('\n');
  if (lines.length > raw.lineCount) lines.pop();
  const invalidUtf8 = decoded.includes('\ufffd') ? firstInvalidUtf8Line(raw, lines) : undefined;
  const exclude = new Set(config.excludeTop);
  const inputSchema = new RowSchema(exclude);
  const flat = config.textKeys.every((k) => !k.includes('.'));
  const report: RawLoadReport = {
    source: raw.source,
    fileId: raw.fileId,
    rows: 0,
    nullText: 0,
    seen: config.textKeys.map(() => false),
    malformed: [],
    ...(invalidUtf8 !== undefined ? { invalidUtf8 } : {}),
    inputSchema: { l: 0 },
  };
  const batch: Batch = { samples: [], origins: [] };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const lineNo = raw.firstLine + i;
    if (line.length < 4 && line.trim() === '') continue;
    let sample: unknown;
    try {
      sample = JSON.parse(line);
    } catch (error) {
      report.malformed.push({ line: lineNo, reason: (error as Error).message });
      continue;
    }
    if (!isObject(sample)) {
      report.malformed.push({ line: lineNo, reason: 'the line is valid JSON but not an object' });
      continue;
    }
    if (raw.origins) {
      // A spill file's rows were loaded and checked already.
      batch.samples.push(sample);
      batch.origins.push(raw.origins[i]!);
      continue;
    }
    report.rows++;
    inputSchema.observeRow(sample);
    let keep = true;
    for (let k = 0; k < config.textKeys.length; k++) {
      const key = config.textKeys[k]!;
      const value = flat ? sample[key] : nestedQuery(sample, key);
      if (value !== undefined) report.seen[k] = true;
      if (value === null || value === undefined) keep = false;
    }
    if (!keep) {
      report.nullText++;
      continue;
    }
    resolveMedia(sample, config.mediaKeys, raw.mediaBase);
    batch.samples.push(sample);
    batch.origins.push(raw.fileId * FILE_STRIDE + lineNo);
  }
  report.inputSchema = plainSchema(inputSchema.root);
  return { batch, report };
}

function serialize(rows: readonly unknown[]): SerializedPart {
  const schema = new RowSchema();
  for (let i = 0; i < rows.length; i++) schema.observe(rows[i]);
  let fits = true;
  let text = '';
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (fits && schema.conform(row) !== row) fits = false;
    text += `${JSON.stringify(row)}\n`;
  }
  return { bytes: encoder.encode(text), schema: plainSchema(schema.root), fits };
}

/** Splits samples into dataset rows (without the dropped columns) and stats rows, as the exporter does. */
function exportRows(samples: readonly Sample[], drop: ReadonlySet<string>) {
  const main: Sample[] = [];
  const stats: Sample[] = [];
  let firstStats = -1;
  for (let i = 0; i < samples.length; i++) {
    const s = samples[i]!;
    const parts = splitExportRow(s, drop);
    if (!parts) {
      main.push(s);
      stats.push({});
      continue;
    }
    if (parts.hasStats && firstStats < 0) firstStats = i;
    main.push(parts.row);
    stats.push(parts.statsRow);
  }
  return { main, stats, firstStats };
}

function spillRows(samples: readonly Sample[], hashKeys: readonly string[]) {
  const hashes: Record<string, unknown[]> = {};
  for (const key of hashKeys) hashes[key] = [];
  let text = '';
  for (const sample of samples) {
    for (const key of hashKeys) {
      const value = sample[key];
      hashes[key]!.push(value);
      // Typed-array signatures (MinHash) go to the spill file and the export as plain lists, not {"0": ...}.
      if (ArrayBuffer.isView(value)) sample[key] = Array.from(value as unknown as ArrayLike<number>);
    }
    text += `${JSON.stringify(sample)}\n`;
  }
  return { bytes: encoder.encode(text), hashes };
}

/** The buffers of a result, to transfer instead of copy. */
export function transferables(result: RawResult): ArrayBuffer[] {
  const views = [result.main?.bytes, result.stats?.bytes, result.spill, result.origins];
  return views.filter((v) => v !== undefined).map((v) => v.buffer as ArrayBuffer);
}

/**
 * A worker's whole job on raw lines: parse and check them as the loader does, run the steps, then serialise the
 * output for the exporter (or for a deduplicator's spill file). Output bytes equal those of the main-thread path.
 */
export async function runRawSteps(
  raw: RawLines,
  steps: readonly StepSpec[],
  instances: ReadonlyMap<number, OperatorInstance>,
  config: RawConfig,
): Promise<RawResult> {
  const { batch, report } = load(raw, config);
  const stepped = await runSteps(batch, steps, instances);
  const samples = stepped.batch.samples;
  const result: RawResult = {
    load: report,
    inCounts: stepped.inCounts,
    outCounts: stepped.outCounts,
    seconds: stepped.seconds,
    dropped: stepped.dropped,
    count: samples.length,
    firstStats: -1,
  };
  if (config.output === 'spill') {
    const { bytes, hashes } = spillRows(samples, config.hashKeys);
    result.spill = bytes;
    result.hashes = hashes;
    result.origins = Float64Array.from(stepped.batch.origins);
    return result;
  }
  const { main, stats, firstStats } = exportRows(samples, new Set(config.excludeTop));
  result.main = config.withDataset ? serialize(main) : { bytes: new Uint8Array(0), schema: { l: 0 }, fits: true };
  result.firstStats = firstStats;
  if (firstStats >= 0) result.stats = serialize(stats);
  return result;
}
