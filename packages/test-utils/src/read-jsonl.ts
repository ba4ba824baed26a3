import { readFileSync } from 'node:fs';

/** The rows of a JSON Lines file, blank lines skipped (for asserting on what a run wrote). */
export function readJsonl(path: string): Array<Record<string, unknown>> {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}
