/** pandas `describe()` of one numeric column: count, mean, std (n-1), min, 25%, 50%, 75%, max. */
export interface Describe {
  count: number;
  mean: number;
  std: number;
  min: number;
  '25%': number;
  '50%': number;
  '75%': number;
  max: number;
}

function quantile(sorted: Float64Array, q: number): number {
  // numpy's default (linear) interpolation, as pandas uses.
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

/** Describes `values` as pandas does (NaN where pandas gives NaN: everything but count when empty, std for one). */
export function describe(values: Float64Array): Describe {
  const n = values.length;
  const sorted = Float64Array.from(values).sort();
  let sum = 0;
  for (const v of values) sum += v;
  const mean = n === 0 ? Number.NaN : sum / n;
  let sq = 0;
  for (const v of values) sq += (v - mean) ** 2;
  const nan = n === 0;
  return {
    count: n,
    mean,
    std: n < 2 ? Number.NaN : Math.sqrt(sq / (n - 1)),
    min: nan ? Number.NaN : sorted[0]!,
    '25%': nan ? Number.NaN : quantile(sorted, 0.25),
    '50%': nan ? Number.NaN : quantile(sorted, 0.5),
    '75%': nan ? Number.NaN : quantile(sorted, 0.75),
    max: nan ? Number.NaN : sorted[n - 1]!,
  };
}

/** Python's `repr()` of a float: shortest round-trip digits, `.0` on integral values, `e-05`-style exponents. */
export function pythonFloatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const [mantissa, expText] = x.toExponential().split('e') as [string, string];
  const exp = Number(expText);
  const negative = mantissa.startsWith('-');
  const digits = mantissa.replace('-', '').replace('.', '');
  const sign = negative ? '-' : '';
  if (exp < -4 || exp >= 16) {
    const frac = digits.slice(1);
    return `${sign}${digits[0]}${frac ? `.${frac}` : ''}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  const intPart = digits.slice(0, exp + 1).padEnd(exp + 1, '0');
  const frac = digits.slice(exp + 1);
  return `${sign}${intPart}.${frac || '0'}`;
}

const ROWS = ['count', 'mean', 'std', 'min', '25%', '50%', '75%', 'max'] as const;

/** `overall.csv` as pandas writes `describe().to_csv()` for the `doc_score` column. */
export function describeCsv(d: Describe, column = 'doc_score'): string {
  return `,${column}\n${ROWS.map((r) => `${r},${r === 'count' ? pythonFloatRepr(d.count) : pythonFloatRepr(d[r])}`).join('\n')}\n`;
}

/** `overall.md`: a pipe table of the same rows (pandas' `to_markdown` layout, not its exact padding). */
export function describeMarkdown(d: Describe, column = 'doc_score'): string {
  const lines = ROWS.map((r) => `| ${r} | ${pythonFloatRepr(r === 'count' ? d.count : d[r])} |`);
  return `|  | ${column} |\n|:--|--:|\n${lines.join('\n')}\n`;
}
