/** Python `repr(float)`: shortest round-trip digits, fixed notation for 1e-4 ≤ |x| < 1e16, else `d.ddde±XX`. */
export function pyFloat(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const [mantissa, expText] = x.toExponential().split('e') as [string, string];
  const exp = Number(expText);
  const digits = mantissa.replace('-', '').replace('.', '');
  const sign = x < 0 ? '-' : '';
  if (exp >= -4 && exp < 16) {
    if (exp >= 0) {
      const intPart = digits.slice(0, exp + 1).padEnd(exp + 1, '0');
      return `${sign}${intPart}.${digits.slice(exp + 1) || '0'}`;
    }
    return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  }
  const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
  return `${sign}${m}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
}

function precision(values: number[]): number {
  const diffs: number[] = [];
  if (values[0]! > 0) diffs.push(values[0]!);
  for (let i = 1; i < values.length; i++) diffs.push(values[i]! - values[i - 1]!);
  if (values[values.length - 1]! < 100) diffs.push(100 - values[values.length - 1]!);
  const min = diffs.reduce((m, d) => Math.min(m, Math.abs(d)), Number.POSITIVE_INFINITY);
  return Math.max(1, -Math.floor(Math.log10(min)));
}

function roundTo(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** pandas `format_percentiles`: `[0.25, 0.5]` → `['25%', '50%']`, `[1/3]` → `['33.3%']`. */
export function percentileLabels(percentiles: readonly number[]): string[] {
  const pct = percentiles.map((p) => p * 100);
  const prec = precision(pct);
  const isInt = pct.map((p) => Math.abs(Math.trunc(roundTo(p, prec)) - p) <= 1e-8 + 1e-5 * Math.abs(p));
  if (isInt.every(Boolean)) return pct.map((p) => `${Math.trunc(roundTo(p, prec))}%`);
  const unique = [...new Set(pct)].sort((a, b) => a - b);
  const uprec = precision(unique);
  return pct.map((p, i) => (isInt[i] ? `${Math.round(p)}%` : `${pyFloat(roundTo(p, uprec))}%`));
}
