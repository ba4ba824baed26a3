import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { configError } from '../errors/errors.ts';
import { writeFileAtomicSync } from '../io/atomic-file.ts';
import { ContextInfos, type ContextInfosJson } from './context-infos.ts';
import { OrderedEntries } from './ordered-entries.ts';

/** The context file's name inside `work_dir`, as in the reference. */
export const CONTEXT_FILE_NAME = 'context_infos.json';

function escapeAscii(text: string): string {
  return text.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Values JSON cannot hold become something it can, so a write never fails half-way (docs/config.md#context-infos). */
function jsonSafe(value: unknown): unknown {
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  if (value instanceof Map) return Object.fromEntries(value);
  if (value instanceof Set) return [...value];
  if (typeof value === 'function' || typeof value === 'symbol') return String(value);
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return (value as { toJSON(): unknown }).toJSON();
  }
  return value;
}

function dump(raw: unknown, level: number): string {
  const value = jsonSafe(raw);
  if (value === null || value === undefined) return 'null';
  if (typeof value !== 'object') return escapeAscii(JSON.stringify(value));
  const pad = ' '.repeat(4 * (level + 1));
  const close = ' '.repeat(4 * level);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => pad + dump(v, level + 1)).join(',\n')}\n${close}]`;
  }
  const entries =
    value instanceof OrderedEntries ? value.entries : Object.entries(value).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([k, v]) => `${pad}${escapeAscii(JSON.stringify(k))}: ${dump(v, level + 1)}`).join(',\n')}\n${close}}`;
}

/**
 * Serialises like Python's `json.dumps(obj, indent=4)`: 4-space indentation, non-ASCII characters escaped as
 * lower-case `\\uXXXX`, and {@link OrderedEntries} written in their order.
 */
export function pythonJsonDumps(value: unknown): string {
  return dump(value, 0);
}

/**
 * Writes the context list atomically: a temp file in the same folder, then a rename, so a run killed at any
 * moment leaves either the previous file or the new one, never a torn one.
 */
export function writeContextFile(path: string, contexts: readonly ContextInfos[]): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileAtomicSync(path, pythonJsonDumps(contexts.map((c) => c.toOrderedJSON())));
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
  parsed.forEach((iteration, i) => {
    const problem = contextShapeProblem(iteration);
    if (problem) {
      throw configError('context-file-shape', `cannot resume: ${path}, iteration ${i}: ${problem}.`, {
        received: iteration,
        fix: 'Restore the file from a backup, or run with --fresh to start over.',
      });
    }
  });
  return (parsed as ContextInfosJson[]).map((c) => ContextInfos.fromJSON(c));
}

/** What is wrong with one saved iteration, or undefined when it has the shape `ContextInfos.fromJSON` reads. */
function contextShapeProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'expected an object';
  const { iter, pipeline_infos: pipelines } = value as { iter?: unknown; pipeline_infos?: unknown };
  if (typeof iter !== 'number') return '"iter" must be a number';
  if (pipelines === undefined || pipelines === null) return undefined;
  if (!Array.isArray(pipelines)) return '"pipeline_infos" must be a list';
  for (const p of pipelines) {
    if (typeof p !== 'object' || p === null) return 'every pipeline_infos entry must be an object';
    const jobs = (p as { job_infos?: unknown }).job_infos;
    if (jobs !== undefined && jobs !== null && !Array.isArray(jobs)) return '"job_infos" must be a list';
    if (Array.isArray(jobs) && jobs.some((j) => typeof j !== 'object' || j === null || Array.isArray(j)))
      return 'every job_infos entry must be an object';
  }
  return undefined;
}
