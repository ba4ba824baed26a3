import { resolve } from 'node:path';
import type { Row } from '../util/jsonl.ts';
import { writeRows } from '../util/jsonl.ts';
import { inferenceOutputs } from './component-io.ts';

/**
 * Writes scored rows: each input's rows (with their result fields) go to its output file, inputs that share one
 * file are written together in input order. Resolves to the single output path, or the list when there are several.
 */
export async function writeInference(
  inputs: ReadonlyArray<{ path: string; rows: Row[] }>,
  exportPath: string,
  cwd: string,
): Promise<string | string[]> {
  const outputs = inferenceOutputs(
    inputs.map((i) => i.path),
    exportPath,
  );
  const byFile = new Map<string, Row[]>();
  inputs.forEach((input, i) => {
    const file = outputs[i]!;
    const rows = byFile.get(file) ?? [];
    for (const row of input.rows) rows.push(row);
    byFile.set(file, rows);
  });
  for (const [file, rows] of byFile) await writeRows(resolve(cwd, file), rows);
  const unique = [...byFile.keys()];
  return unique.length === 1 ? unique[0]! : unique;
}
