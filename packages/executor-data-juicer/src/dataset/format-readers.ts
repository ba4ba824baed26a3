import { basename } from 'node:path';
import { configError, type Sample } from '@dj-sandbox/core';
import { parse as parseCsv } from 'csv-parse';
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import type { FormatterName } from './formats.ts';
import { openFile, readLineChunks, readWholeFile } from './open-file.ts';

/** Rows read from one file, with the 1-based line (or row) number each came from. */
export interface RawChunk {
  samples: Sample[];
  lines: number[];
}

/**
 * Called for an input line that is not a JSON object (the line is skipped), or with `kept` for a line that is kept
 * but altered (bytes that are not UTF-8 replaced by U+FFFD); throws to abort (`strict`) or logs and returns.
 */
export type MalformedHandler = (file: string, line: number, reason: string, kept?: boolean) => void;

const CHUNK_ROWS = 1000;

function isObject(value: unknown): value is Sample {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

async function* readJsonLines(file: string, onMalformed: MalformedHandler): AsyncGenerator<RawChunk> {
  const invalidUtf8 = (line: number) =>
    onMalformed(file, line, 'is not valid UTF-8: its bad bytes were replaced by U+FFFD', true);
  for await (const { lines, firstLine } of readLineChunks(file, invalidUtf8)) {
    const samples: Sample[] = [];
    const numbers: number[] = [];
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      // Blank lines are skipped as HF's JSON reader does; a quick length test keeps the hot path cheap.
      if (line.length < 4 && line.trim() === '') continue;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch (error) {
        onMalformed(file, firstLine + i, (error as Error).message);
        continue;
      }
      if (!isObject(value)) {
        onMalformed(file, firstLine + i, 'the line is valid JSON but not an object');
        continue;
      }
      samples.push(value);
      numbers.push(firstLine + i);
    }
    if (samples.length) yield { samples, lines: numbers };
  }
}

async function* readJson(file: string, onMalformed: MalformedHandler): AsyncGenerator<RawChunk> {
  const lower = basename(file).toLowerCase();
  if (lower.includes('.jsonl')) {
    yield* readJsonLines(file, onMalformed);
    return;
  }
  // A `.json` file is either one array of records (read whole) or JSON lines (streamed).
  const text = await readWholeFile(file);
  if (!text.trimStart().startsWith('[')) {
    yield* readJsonLines(file, onMalformed);
    return;
  }
  let records: unknown;
  try {
    records = JSON.parse(text);
  } catch (error) {
    onMalformed(file, 1, (error as Error).message);
    return;
  }
  const all = records as unknown[];
  for (let start = 0; start < all.length; start += CHUNK_ROWS) {
    const samples: Sample[] = [];
    const lines: number[] = [];
    for (let i = start; i < Math.min(all.length, start + CHUNK_ROWS); i++) {
      if (isObject(all[i])) {
        samples.push(all[i] as Sample);
        lines.push(i + 1);
      } else onMalformed(file, i + 1, `array element ${i} is not an object`);
    }
    yield { samples, lines };
  }
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** pandas-like column typing, decided on the first chunk of records: numbers, booleans, else strings. */
function columnCasters(records: Array<Record<string, string>>): Map<string, (v: string) => unknown> {
  const casters = new Map<string, (v: string) => unknown>();
  const columns = Object.keys(records[0] ?? {});
  for (const col of columns) {
    const values = records.map((r) => r[col] ?? '').filter((v) => v !== '');
    if (values.length && values.every((v) => NUMBER.test(v.trim())))
      casters.set(col, (v) => (v === '' ? null : Number(v)));
    else if (values.length && values.every((v) => v === 'True' || v === 'False'))
      casters.set(col, (v) => (v === '' ? null : v === 'True'));
    else casters.set(col, (v) => (v === '' ? null : v));
  }
  return casters;
}

async function* readDelimited(file: string, delimiter: string): AsyncGenerator<RawChunk> {
  const parser = openFile(file).pipe(
    parseCsv({ columns: true, delimiter, info: true, skip_empty_lines: true, relax_quotes: true, bom: true }),
  );
  let casters: Map<string, (v: string) => unknown> | undefined;
  let pending: Array<{ record: Record<string, string>; line: number }> = [];
  const flush = (): RawChunk => {
    casters ??= columnCasters(pending.map((p) => p.record));
    const samples = pending.map(({ record }) => {
      const out: Sample = {};
      for (const [k, v] of Object.entries(record)) out[k] = (casters!.get(k) ?? ((x: string) => x))(v);
      return out;
    });
    const chunk = { samples, lines: pending.map((p) => p.line) };
    pending = [];
    return chunk;
  };
  for await (const item of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
    pending.push({ record: item.record, line: item.info.lines });
    if (pending.length >= CHUNK_ROWS) yield flush();
  }
  if (pending.length) yield flush();
}

function plainValue(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (Array.isArray(value)) return value.map(plainValue);
  if (value instanceof Date || value instanceof Uint8Array) return value;
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = plainValue(v);
    return out;
  }
  return value;
}

async function* readParquet(file: string): AsyncGenerator<RawChunk> {
  const buffer = await asyncBufferFromFile(file);
  const metadata = await parquetMetadataAsync(buffer);
  const total = Number(metadata.num_rows);
  for (let start = 0; start < total; start += CHUNK_ROWS * 10) {
    const end = Math.min(total, start + CHUNK_ROWS * 10);
    const rows = await parquetReadObjects({ file: buffer, metadata, compressors, rowStart: start, rowEnd: end });
    yield { samples: rows.map((r) => plainValue(r) as Sample), lines: rows.map((_, i) => start + i + 1) };
  }
}

async function* readText(file: string): AsyncGenerator<RawChunk> {
  if (/\.(pdf|docx)$/i.test(file)) {
    throw configError('dataset-binary-text', 'pdf and docx inputs are not supported by this engine.', {
      path: 'dataset_path',
      received: file,
      fix: 'Convert the file to .txt first, or exclude it with `suffixes`.',
    });
  }
  yield { samples: [{ text: await readWholeFile(file) }], lines: [1] };
}

/** Reads one file with a formatter's semantics (docs/recipes.md#loading-files). */
export function readFile(
  formatter: FormatterName,
  file: string,
  onMalformed: MalformedHandler,
): AsyncGenerator<RawChunk> {
  switch (formatter) {
    case 'json':
      return readJson(file, onMalformed);
    case 'csv':
      return readDelimited(file, ',');
    case 'tsv':
      return readDelimited(file, '\t');
    case 'parquet':
      return readParquet(file);
    case 'text':
      return readText(file);
  }
}
