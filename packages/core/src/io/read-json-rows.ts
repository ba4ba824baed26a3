import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { configError } from '../errors/errors.ts';

/** One dataset row. */
export type JsonRow = Record<string, unknown>;

/**
 * Streams the rows of a small-component dataset file: JSON Lines line by line (bounded memory), or a `.json` file
 * holding one JSON array (read whole, as Data-Juicer's loader does; a `.json` file that is not an array is read as
 * JSON Lines). A malformed line is a config error naming `file:line`. The data engine has its own, faster reader
 * for every Data-Juicer format; this one serves components that read a dataset themselves (evaluators).
 */
export async function* readJsonRows(path: string): AsyncGenerator<JsonRow> {
  if (path.toLowerCase().endsWith('.json')) {
    const text = await readFile(path, 'utf8');
    const trimmed = text.trimStart();
    if (trimmed.startsWith('[')) {
      for (const row of JSON.parse(trimmed) as JsonRow[]) yield row;
      return;
    }
  }
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Number.POSITIVE_INFINITY });
  let lineNo = 0;
  for await (const line of lines) {
    lineNo++;
    if (line.trim() === '') continue;
    try {
      yield JSON.parse(line) as JsonRow;
    } catch (error) {
      throw configError('dataset-line', `not a JSON line (${(error as Error).message}).`, {
        location: { file: path, line: lineNo },
        expected: 'one JSON object per line',
        fix: 'Fix or remove that line.',
      });
    }
  }
}
