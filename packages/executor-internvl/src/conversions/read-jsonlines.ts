import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { jobError } from '@dj-sandbox/core';

/**
 * Streams the rows of a JSON Lines file as Python's `jsonlines.open` reads them: every line must hold one JSON
 * value; a blank line is invalid, as it is for `jsonlines` (a trailing newline at the end of the file is fine).
 */
export async function* readJsonLines(file: string, blame: { plugin: string; job?: string }) {
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Number.POSITIVE_INFINITY });
  let lineNo = 0;
  for await (const line of lines) {
    lineNo++;
    try {
      if (line.trim() === '') throw new Error('blank line');
      yield { row: JSON.parse(line) as Record<string, unknown>, line: lineNo };
    } catch (error) {
      throw jobError('jsonl-invalid-line', `${file}:${lineNo}: not a JSON line (${(error as Error).message}).`, {
        ...blame,
        location: { file, line: lineNo },
        expected: 'one JSON object per line, no blank lines (jsonlines)',
        fix: 'Fix or remove that line.',
      });
    }
  }
}
