import { createReadStream } from 'node:fs';
import { mkdir, open, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';

/** One dataset row: a plain JSON object. */
export type Row = Record<string, unknown>;

/**
 * Reads a dataset file: JSON Lines, or a `.json` file holding one array (Data-Juicer's `.json` export). Blank lines
 * are skipped; a line that is not a JSON object is an error naming the file and line.
 */
export async function readRows(path: string): Promise<Row[]> {
  if (path.endsWith('.json')) {
    const text = (await readFile(path, 'utf8')).trim();
    if (text.startsWith('[')) return (JSON.parse(text) as unknown[]).map((r, i) => asRow(r, path, i + 1));
  }
  const rows: Row[] = [];
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Number.POSITIVE_INFINITY });
  let n = 0;
  for await (const line of lines) {
    n++;
    if (line.trim() === '') continue;
    rows.push(asRow(JSON.parse(line), path, n));
  }
  return rows;
}

function asRow(value: unknown, path: string, line: number): Row {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`${path}:${line}: expected a JSON object per row, received ${JSON.stringify(value)?.slice(0, 60)}`);
  }
  return value as Row;
}

/** Writes rows as JSON Lines (UTF-8, one object per line), creating the folder first. */
export async function writeRows(path: string, rows: Iterable<Row>): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const handle = await open(path, 'w');
  try {
    let chunk: string[] = [];
    for (const row of rows) {
      chunk.push(JSON.stringify(row));
      if (chunk.length === 1000) {
        await handle.write(`${chunk.join('\n')}\n`);
        chunk = [];
      }
    }
    if (chunk.length > 0) await handle.write(`${chunk.join('\n')}\n`);
  } finally {
    await handle.close();
  }
}

/** Reads a (possibly dotted) key of a row: `meta.label` looks into `row.meta.label` when `row['meta.label']` is absent. */
export function getField(row: Row, key: string): unknown {
  if (Object.hasOwn(row, key)) return row[key];
  let node: unknown = row;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Row)[part];
  }
  return node;
}
