import { existsSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { type ComponentEnv, configError, runInfoRef } from '@dj-sandbox/core';
import { getField, type Row, readRows } from '../util/jsonl.ts';

/** The folder relative paths are resolved against: the run's working directory (the process's outside a run). */
export function componentCwd(env: ComponentEnv): string {
  try {
    return env.resolve(runInfoRef).cwd;
  } catch {
    return process.cwd();
  }
}

/** The tracker key of a metric of this job: `<meta_name>.<name>` (the component type when the job has no name). */
export function metricKey(env: ComponentEnv, type: string, name: string): string {
  return `${env.scope.metaName ?? type}.${name}`;
}

/** Resolves dataset paths, failing with a config error naming `key` for any that does not exist. */
export function existingPaths(paths: readonly string[], cwd: string, key: string, type: string): string[] {
  return paths.map((p, i) => {
    const full = resolve(cwd, p);
    if (!existsSync(full)) {
      throw configError('proxy-model-dataset-missing', `${type}: dataset file not found.`, {
        path: `extra_configs.${key}${paths.length > 1 ? `[${i}]` : ''}`,
        expected: `an existing JSONL or JSON file (relative paths start at ${cwd})`,
        received: p,
        fix: 'Check the path, or the job that was meant to produce it.',
      });
    }
    return full;
  });
}

/** Rows of several dataset files, in order. */
export async function readAllRows(paths: readonly string[]): Promise<Row[]> {
  const rows: Row[] = [];
  for (const p of paths) for (const row of await readRows(p)) rows.push(row);
  return rows;
}

/**
 * The text of every row (`textKey`, dotted keys allowed). A row whose text is missing or not a string fails with a
 * config error naming the key, since that is nearly always a wrong `text_key`.
 */
export function textsOf(rows: readonly Row[], textKey: string, type: string, file: string): string[] {
  return rows.map((row, i) => {
    const text = getField(row, textKey);
    if (typeof text !== 'string') {
      throw configError(
        'proxy-model-text-key',
        `${type}: row ${i + 1} of ${file} has no text under ${JSON.stringify(textKey)}.`,
        {
          path: 'extra_configs.text_key',
          expected: 'a key whose value is a string in every row',
          received: text,
          fix: `Set text_key to the field that holds the text (the row has ${Object.keys(row)
            .map((k) => JSON.stringify(k))
            .join(', ')}).`,
        },
      );
    }
    return text;
  });
}

/**
 * Where inference results go: `export_path` itself when it names a `.jsonl` file (every input goes into it), else
 * `<export_path>/<input name>_inference.jsonl` per input, as the reference's inference executors do. Paths keep
 * the form `export_path` was given in (relative stays relative), as the reference returns them.
 */
export function inferenceOutputs(inputs: readonly string[], exportPath: string): string[] {
  if (extname(exportPath) === '.jsonl') return inputs.map(() => exportPath);
  return inputs.map((p) => join(exportPath, `${basename(p, extname(p))}_inference.jsonl`));
}
