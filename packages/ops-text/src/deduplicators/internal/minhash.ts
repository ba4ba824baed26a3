/**
 * Data-Juicer's MinHash signature (docs/text-operators.md#minhash-lsh), bit-exact: for each shingle `h = sha1_hash32(shingle)` and each
 * permutation `(a, b)`, `v = ((h·a + b) mod 2^64) mod (2^61 − 1) AND 0xFFFFFFFF`, and the signature keeps the minimum
 * per permutation. The uint64 wrap-around of numpy is part of the algorithm. The work runs in the WebAssembly SIMD
 * kernel (`minhash-wasm.ts`, docs/data-engines.md "MinHash kernels"); {@link permuted} is the same arithmetic in
 * plain JavaScript, the reference the kernel is tested against: `a < 2^61` splits into `aHi·2^32 + aLo` and
 * `h·a mod 2^64` needs `h·aLo` exactly (via 16-bit pieces) plus the low 32 bits of `h·aHi`.
 */

import { MinhashKernel } from './minhash-wasm.ts';
import type { sha1Prefix32LE } from './sha1-prefix.ts';
import type { Shingler } from './shingles.ts';

/** Permutation coefficients split into 32-bit halves. */
export interface Permutations {
  readonly count: number;
  /** The WebAssembly kernel holding these coefficients. */
  readonly kernel: MinhashKernel;
  readonly aLo: Uint32Array;
  readonly aHi: Uint32Array;
  readonly bLo: Uint32Array;
  readonly bHi: Uint32Array;
}

const TWO32 = 0x100000000;

/** Splits decimal uint64 strings (or bigints) into the halves the signature loop uses. */
export function permutationsFrom(
  a: ReadonlyArray<string | bigint>,
  b: ReadonlyArray<string | bigint>,
  count = a.length,
): Permutations {
  const big = (xs: ReadonlyArray<string | bigint>) => xs.slice(0, count).map((x) => BigInt(x));
  const p = {
    count,
    kernel: new MinhashKernel(big(a), big(b)),
    aLo: new Uint32Array(count),
    aHi: new Uint32Array(count),
    bLo: new Uint32Array(count),
    bHi: new Uint32Array(count),
  };
  for (let j = 0; j < count; j++) {
    const av = BigInt(a[j] as string | bigint);
    const bv = BigInt(b[j] as string | bigint);
    p.aLo[j] = Number(av & 0xffffffffn);
    p.aHi[j] = Number(av >> 32n);
    p.bLo[j] = Number(bv & 0xffffffffn);
    p.bHi[j] = Number(bv >> 32n);
  }
  return p;
}

/** `((h·a + b) mod 2^64) mod (2^61 − 1) AND 0xFFFFFFFF` for one shingle hash and one permutation. */
export function permuted(h: number, aLo: number, aHi: number, bLo: number, bHi: number): number {
  // h·aLo = u·2^16 + t with t = hL·aLo and u = hH·aLo, both < 2^48 and so exact in a double.
  const t = (h & 0xffff) * aLo;
  const u = (h >>> 16) * aLo;
  const pLo = Math.imul(h, aLo) >>> 0;
  const pHi = Math.floor((u + Math.floor(t / 65536)) / 65536);
  let lo = pLo + bLo;
  let carry = 0;
  if (lo >= TWO32) {
    lo -= TWO32;
    carry = 1;
  }
  const hi = (pHi + Math.imul(h, aHi) + bHi + carry) >>> 0;
  // x mod (2^61 − 1) = (x >> 61) + (x & (2^61 − 1)), minus the modulus once if that reaches it.
  const top = hi >>> 29;
  const sum = lo + top;
  if ((hi & 0x1fffffff) === 0x1fffffff && sum >= 0xffffffff) return (sum + 1) >>> 0;
  return sum >>> 0;
}

/**
 * Computes the MinHash signature of `text` into `out` (length = permutation count). Returns the number of shingles;
 * 0 means the text had none and `out` is left all `0xFFFFFFFF`. The WebAssembly SIMD kernel hashes the shingles and
 * runs the permutations; {@link permuted} and {@link sha1Prefix32LE} are the same arithmetic in JavaScript, which
 * tests compare it with.
 */
export function minhashSignature(text: string, shingler: Shingler, perms: Permutations, out: Uint32Array): number {
  return perms.kernel.signature(text, shingler, out);
}
