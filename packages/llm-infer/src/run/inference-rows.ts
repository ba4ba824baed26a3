import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { configError } from '@dj-sandbox/core';
import type { InferCaller } from '../caller.ts';
import type { Row } from '../messages/helpers.ts';

/** Reads an inference dataset as the reference does: JSON Lines, one object per line, blank lines are errors. */
export async function readInferenceRows(path: string, caller: InferCaller): Promise<Row[]> {
  const lines = (await readFile(path, 'utf8')).split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines.map((line, i) => {
    let row: unknown;
    try {
      row = JSON.parse(line);
    } catch {
      row = undefined;
    }
    if (row === null || typeof row !== 'object' || Array.isArray(row)) {
      throw configError(`${caller.kind}-dataset-line`, 'an inference dataset line is not a JSON object.', {
        plugin: caller.plugin,
        path: 'extra_configs.dataset_path',
        location: { file: path, line: i + 1 },
        expected: 'one JSON object per line (JSON Lines; blank and null lines are not rows)',
        received: line.slice(0, 80),
        fix: 'Fix or remove that line.',
      });
    }
    return row as Row;
  });
}

/** Python's `splitext(basename(p))[0]`: the name less its last extension. */
export function basenameNoExt(path: string): string {
  const name = basename(path);
  return extname(name) ? name.slice(0, -extname(name).length) : name;
}
