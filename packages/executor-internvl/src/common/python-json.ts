/**
 * JSON text as Python's `json.dumps` writes it with its default separators (`", "` and `": "`): what the reference
 * wrote through `jsonlines` (`ensureAscii: false`) and `json.dump` (`ensureAscii: true`). Floats use Python's
 * `repr` (`1e-05`, `1e+16`); integral numbers are written as integers, since JSON text read in JS cannot tell
 * `1.0` from `1`.
 */
export function pythonJsonDumps(value: unknown, options: { ensureAscii: boolean }): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return pythonNumber(value);
  if (typeof value === 'string') return pythonString(value, options.ensureAscii);
  if (Array.isArray(value)) return `[${value.map((v) => pythonJsonDumps(v, options)).join(', ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).map(
      ([k, v]) => `${pythonString(k, options.ensureAscii)}: ${pythonJsonDumps(v, options)}`,
    );
    return `{${entries.join(', ')}}`;
  }
  return pythonString(String(value), options.ensureAscii);
}

function pythonString(text: string, ensureAscii: boolean): string {
  const json = JSON.stringify(text);
  if (!ensureAscii) return json;
  return json.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function pythonNumber(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (!Number.isFinite(n)) return n > 0 ? 'Infinity' : '-Infinity';
  if (Number.isInteger(n) && Math.abs(n) < 1e16) return String(n);
  const [mantissa, exponentText] = n.toExponential().split('e') as [string, string];
  const exponent = Number(exponentText);
  if (exponent < -4 || exponent >= 16) {
    return `${mantissa}e${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  const plain = String(n);
  return plain.includes('.') || plain.includes('e') ? plain : `${plain}.0`;
}
