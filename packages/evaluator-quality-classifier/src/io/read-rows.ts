import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';

/** One dataset row. */
export type Row = Record<string, unknown>;

/**
 * Streams the rows of a dataset file: JSON Lines line by line (bounded memory), or a `.json` file holding one JSON
 * array (read whole, as Data-Juicer's loader does). A `.json` file that is not an array is read as JSON Lines.
 */
export async function* readRows(path: string): AsyncGenerator<Row> {
  if (path.toLowerCase().endsWith('.json')) {
    const text = await readFile(path, 'utf8');
    const trimmed = text.trimStart();
    if (trimmed.startsWith('[')) {
      for (const row of JSON.parse(trimmed) as Row[]) yield row;
      return;
    }
  }
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Number.POSITIVE_INFINITY });
  let lineNo = 0;
  for await (const line of lines) {
    lineNo++;
    if (line.trim() === '') continue;
    try {
      yield JSON.parse(line) as Row;
    } catch (error) {
      throw new Error(`${path}:${lineNo}: not a JSON line (${(error as Error).message})`);
    }
  }
}
