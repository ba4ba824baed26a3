/**
 * LSH band keys. Data-Juicer keys a band by its `r` signature values as bytes; here each band is reduced to a
 * 64-bit digest (two independent murmur3-style 32-bit hashes of the values) so that a record holds 8 bytes per band
 * instead of 4·r. Two different bands collide with probability about 2^-64 per pair, so buckets are as Data-Juicer's
 * for any realistic dataset (documented as a difference).
 */

const C1 = 0xcc9e2d51 | 0;
const C2 = 0x1b873593;

function mix(h: number, v: number): number {
  let k = Math.imul(v, C1);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, C2);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

function finish(h: number, len: number): number {
  h ^= len;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Writes `[hi, lo]` digests of each band `sig[i·r, (i+1)·r)` into a new Uint32Array of length 2·bands. */
export function bandDigests(sig: Uint32Array, bands: number, rows: number): Uint32Array {
  const out = new Uint32Array(bands * 2);
  for (let i = 0; i < bands; i++) {
    let h1 = 0x9747b28c | 0;
    let h2 = 0x3c6ef372 | 0;
    for (let k = i * rows; k < (i + 1) * rows; k++) {
      const v = sig[k] as number;
      h1 = mix(h1, v);
      h2 = mix(h2, v ^ 0x5bd1e995);
    }
    out[2 * i] = finish(h1, rows);
    out[2 * i + 1] = finish(h2, rows * 7);
  }
  return out;
}
