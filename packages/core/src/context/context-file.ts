import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { configError } from '../errors/errors.ts';
import { ContextInfos, type ContextInfosJson } from './context-infos.ts';

/** The context file's name inside `work_dir`, as in the reference. */
export const CONTEXT_FILE_NAME = 'context_infos.json';

/** Values JSON cannot hold become something it can, so a write never fails half-way (spec §8.2.8). */
function jsonSafe(_key: string, value: unknown): unknown {
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  if (value instanceof Map) return Object.fromEntries(value);
  if (value instanceof Set) return [...value];
  if (typeof value === 'function' || typeof value === 'symbol') return String(value);
  return value;
}

/**
 * Serialises like Python's `json.dumps(obj, indent=4)`: 4-space indentation and non-ASCII characters escaped as
 * lower-case `\uXXXX` (surrogate pairs for astral characters).
 */
export function pythonJsonDumps(value: unknown): string {
  const text = JSON.stringify(value, jsonSafe, 4) ?? 'null';
  return text.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Writes the context list atomically: a temp file in the same folder, then a rename, so a run killed at any
 * moment leaves either the previous file or the new one, never a torn one.
 */
export function writeContextFile(path: string, contexts: readonly ContextInfos[]): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, pythonJsonDumps(contexts.map((c) => c.toJSON())));
  renameSync(temp, path);
}

/** Reads a context file; `undefined` when it does not exist. A malformed file is a clear error. */
export function readContextFile(path: string): ContextInfos[] | undefined {
  if (!existsSync(path)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (cause) {
    throw configError('context-file-parse', `cannot resume: ${path} is not valid JSON (${(cause as Error).message}).`, {
      fix: 'Restore the file from a backup, or run without --resume to start over.',
    });
  }
  if (!Array.isArray(parsed)) {
    throw configError('context-file-shape', `cannot resume: ${path} must hold a list of iterations.`, {
      received: typeof parsed,
      fix: 'Run without --resume to start over.',
    });
  }
  return (parsed as ContextInfosJson[]).map((c) => ContextInfos.fromJSON(c));
}
