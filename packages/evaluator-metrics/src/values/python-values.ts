import { nestedQuery } from '@dj-sandbox/core';

/** Reads a (possibly dotted) key from a row: the longest matching dotted key first, as Data-Juicer does. */
export function readKey(row: Record<string, unknown>, key: string): unknown {
  return nestedQuery(row, key);
}

function reprString(s: string): string {
  return s.includes("'") && !s.includes('"') ? `"${s}"` : `'${s.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
}

function pyRepr(value: unknown): string {
  return typeof value === 'string' ? reprString(value) : pythonStr(value);
}

function pyNumber(n: number): string {
  if (Number.isNaN(n)) return 'nan';
  if (!Number.isFinite(n)) return n > 0 ? 'inf' : '-inf';
  // Python writes exponents with at least two digits (1e-07); JS writes 1e-7.
  return String(n).replace(/e([+-])(\d)$/, 'e$10$2');
}

/**
 * Python's `str()` of a JSON value, so `str(pred) == str(gt)` compares as the reference does: a missing value or
 * null is `None`, booleans are `True`/`False`, lists and mappings use Python's repr. JSON numbers lose the int/float
 * distinction when parsed, so `1.0` prints as `1` (the reference would print `1.0`).
 */
export function pythonStr(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return pyNumber(value);
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return `[${value.map(pyRepr).join(', ')}]`;
  if (typeof value === 'object')
    return `{${Object.entries(value)
      .map(([k, v]) => `${reprString(k)}: ${pyRepr(v)}`)
      .join(', ')}}`;
  return String(value);
}

const DIGITS = String.raw`\d(?:_?\d)*`;
const FLOAT_LITERAL = new RegExp(
  String.raw`^[+-]?(?:(?:${DIGITS}(?:\.(?:${DIGITS})?)?|\.${DIGITS})(?:[eE][+-]?${DIGITS})?|inf(?:inity)?|nan)$`,
  'i',
);

/**
 * Python's `float()` of a JSON value, or `undefined` where Python raises: numbers as they are, booleans as 1/0,
 * strings with surrounding whitespace, underscores between digits, `inf`/`nan`. Null (a TypeError in Python) and
 * anything else also give `undefined`, so the caller counts a format error.
 */
export function pythonFloat(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value !== 'string') return undefined;
  const s = value.trim();
  if (!FLOAT_LITERAL.test(s)) return undefined;
  const lower = s.toLowerCase().replace(/^[+-]/, '');
  const sign = s.startsWith('-') ? -1 : 1;
  if (lower.startsWith('inf')) return sign * Number.POSITIVE_INFINITY;
  if (lower === 'nan') return Number.NaN;
  return Number(s.replaceAll('_', ''));
}
