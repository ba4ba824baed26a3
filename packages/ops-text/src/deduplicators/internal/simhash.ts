/**
 * SimHash as the `simhash` (seomoz, simhash-pybind) package computes it for Data-Juicer (docs/text-operators.md#simhash): each shingle
 * hashes to the first 8 bytes of its MD5 (big-endian uint64); bit i of the result is 1 iff more shingle hashes have
 * bit i set than clear. No shingle gives 0.
 */
import { md5Prefix64BE } from './md5-prefix.ts';
import type { Shingler } from './shingles.ts';

const counts = new Int32Array(64);
const half = new Uint32Array(2);

/** The SimHash of `text` as `[high32, low32]` written into `out`; returns the shingle count. */
export function simhashOf(text: string, shingler: Shingler, out: Uint32Array): number {
  counts.fill(0);
  const n = shingler.forEach(text, (bytes, start, end) => {
    md5Prefix64BE(bytes, start, end, half);
    const hi = half[0] as number;
    const lo = half[1] as number;
    for (let i = 0; i < 32; i++) {
      counts[i] = (counts[i] as number) + (((lo >>> i) & 1) === 1 ? 1 : -1);
      counts[i + 32] = (counts[i + 32] as number) + (((hi >>> i) & 1) === 1 ? 1 : -1);
    }
  });
  let lo = 0;
  let hi = 0;
  for (let i = 0; i < 32; i++) {
    if ((counts[i] as number) > 0) lo |= 1 << i;
    if ((counts[i + 32] as number) > 0) hi |= 1 << i;
  }
  out[0] = hi >>> 0;
  out[1] = lo >>> 0;
  return n;
}

/** Decimal string of a uint64 given as halves (Data-Juicer stores `str(np.uint64(value))`). */
export function u64ToDecimal(hi: number, lo: number): string {
  return ((BigInt(hi) << 32n) | BigInt(lo)).toString();
}

/** Number of differing bits between two uint64 values given as halves. */
export function hamming(aHi: number, aLo: number, bHi: number, bLo: number): number {
  return popcount32((aHi ^ bHi) >>> 0) + popcount32((aLo ^ bLo) >>> 0);
}

function popcount32(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}
