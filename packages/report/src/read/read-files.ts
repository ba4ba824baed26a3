import { existsSync, readFileSync } from 'node:fs';

/** Collects what could not be read, so the report can say so instead of failing. */
export type Problems = string[];

/** Parses a JSON file; a missing file gives `null`, an unreadable one `null` and a problem. */
export function readJsonFile(path: string, problems: Problems): unknown {
  if (!existsSync(path)) return null;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch (error) {
    problems.push(`${path}: ${(error as Error).message}`);
    return null;
  }
}

/**
 * Parses a JSON-lines file into its records. Lines that do not parse are skipped: a run killed mid-write leaves a
 * cut last line, and everything before it is still worth showing. More than one bad line is reported.
 */
export function readJsonLines(path: string, problems: Problems): Array<Record<string, unknown>> {
  if (!existsSync(path)) return [];
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    problems.push(`${path}: ${(error as Error).message}`);
    return [];
  }
  const out: Array<Record<string, unknown>> = [];
  let bad = 0;
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const value = JSON.parse(line) as unknown;
      if (isRecord(value)) out.push(value);
      else bad++;
    } catch {
      bad++;
    }
  }
  if (bad > 1) problems.push(`${path}: ${bad} lines are not JSON objects and were skipped`);
  return out;
}

/** True for a plain JSON object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value as a string, or `null`. */
export function str(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/** The value as a finite number, or `null`. */
export function num(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
