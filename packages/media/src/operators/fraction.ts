/** An exact rational `num / den` (den > 0), as Python's `fractions.Fraction` holds a ratio bound. */
export interface Fraction {
  readonly num: bigint;
  readonly den: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y) [x, y] = [y, x % y];
  return x;
}

function reduce(num: bigint, den: bigint): Fraction {
  if (den === 0n) throw new RangeError('zero denominator');
  const sign = den < 0n ? -1n : 1n;
  const g = gcd(num, den) || 1n;
  return { num: (sign * num) / g, den: (sign * den) / g };
}

/**
 * `Fraction(str(x).replace(':', '/'))`: parses `"9/21"`, `"9:21"`, `"1.5"` or a number. Returns undefined for text
 * Python would reject.
 */
export function parseFraction(text: string | number): Fraction | undefined {
  const s = String(text).trim().replace(':', '/');
  const ratio = /^([+-]?\d+)\s*\/\s*([+-]?\d+)$/.exec(s);
  if (ratio) return Number(ratio[2]) === 0 ? undefined : reduce(BigInt(ratio[1]!), BigInt(ratio[2]!));
  const decimal = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(s);
  if (!decimal || (!decimal[2] && !decimal[3])) return undefined;
  const digits = BigInt(`${decimal[2] || '0'}${decimal[3] ?? ''}`);
  const exp = Number(decimal[4] ?? 0) - (decimal[3]?.length ?? 0);
  const sign = decimal[1] === '-' ? -1n : 1n;
  return exp >= 0 ? reduce(sign * digits * 10n ** BigInt(exp), 1n) : reduce(sign * digits, 10n ** BigInt(-exp));
}

/** The exact value of a finite double as a fraction. */
export function fractionOfDouble(x: number): Fraction {
  if (Number.isInteger(x)) return { num: BigInt(x), den: 1n };
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const sign = bits >> 63n ? -1n : 1n;
  const exponent = Number((bits >> 52n) & 0x7ffn);
  const mantissa = bits & 0xfffffffffffffn;
  const m = exponent === 0 ? mantissa : mantissa | (1n << 52n);
  const e = (exponent === 0 ? 1 : exponent) - 1075;
  return e >= 0 ? reduce(sign * m * 2n ** BigInt(e), 1n) : reduce(sign * m, 2n ** BigInt(-e));
}

/** Compares a double with a fraction exactly, as Python compares a float with a Fraction. */
export function compareToFraction(x: number, f: Fraction): number {
  const a = fractionOfDouble(x);
  const lhs = a.num * f.den;
  const rhs = f.num * a.den;
  return lhs < rhs ? -1 : lhs > rhs ? 1 : 0;
}
