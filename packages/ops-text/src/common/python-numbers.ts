/** Python's `sys.maxsize` (2^63 − 1) as the nearest double: Data-Juicer's "unbounded" default. */
export const MAXSIZE = 2 ** 63;

/**
 * Python's `round(x, 1)`: correctly rounded to one decimal, exact ties to even (JS `toFixed` rounds ties up).
 */
export function pyRound1(x: number): number {
  if (!Number.isFinite(x)) return x;
  const quarter = x * 4;
  // x is an exact tie at one decimal iff x = k/4 with k odd (0.25, 0.75, ...): then round half to even.
  if (Number.isInteger(quarter) && Math.abs(quarter % 2) === 1) {
    const tenfold = x * 10;
    const lower = Math.floor(tenfold);
    return (lower % 2 === 0 ? lower : lower + 1) / 10;
  }
  return Number(x.toFixed(1));
}

const PY_FLOAT = /^[+-]?(?:(?:\d(?:_?\d)*)?\.?\d(?:_?\d)*(?:[eE][+-]?\d(?:_?\d)*)?|\d(?:_?\d)*\.|inf(?:inity)?|nan)$/i;

/** Python's `float(str)`: decimal, exponent, `inf`/`nan` and `_` digit separators, surrounding whitespace allowed. */
export function pyFloat(text: string): number | undefined {
  const t = text.trim();
  if (!PY_FLOAT.test(t)) return undefined;
  const lower = t.toLowerCase().replaceAll('_', '');
  if (lower.endsWith('nan')) return Number.NaN;
  if (lower.endsWith('inf') || lower.endsWith('infinity')) return lower.startsWith('-') ? -Infinity : Infinity;
  return Number(lower);
}
