/**
 * MD5 of a byte range, returning only what SimHash uses: the first 8 digest bytes read as a big-endian uint64
 * (the `simhash` package's `unsigned_hash`), as two uint32 halves. Written out (instead of `node:crypto`) because
 * SimHash hashes every shingle: this reuses one block buffer and allocates nothing per call.
 */

const S = [
  7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 4,
  11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21,
];
const K = new Int32Array(64).map((_, i) => Math.floor(Math.abs(Math.sin(i + 1)) * 0x100000000) | 0);
const M = new Int32Array(16);
let block = new Uint8Array(128);

/** The two 32-bit halves of a 64-bit value: `out[0]` high, `out[1]` low. */
export type U64Out = Uint32Array;

/** Writes the first 8 bytes of MD5(`bytes[start, end)`), big-endian, into `out` as [high32, low32]. */
export function md5Prefix64BE(bytes: Uint8Array, start: number, end: number, out: U64Out): void {
  const len = end - start;
  const total = ((len + 8) >>> 6) * 64 + 64;
  if (block.length < total) block = new Uint8Array(total * 2);
  const b = block;
  b.set(bytes.subarray(start, end), 0);
  b[len] = 0x80;
  b.fill(0, len + 1, total - 8);
  const bits = len * 8;
  const hiBits = Math.floor(bits / 0x100000000);
  b[total - 8] = bits & 0xff;
  b[total - 7] = (bits >>> 8) & 0xff;
  b[total - 6] = (bits >>> 16) & 0xff;
  b[total - 5] = bits >>> 24;
  b[total - 4] = hiBits & 0xff;
  b[total - 3] = (hiBits >>> 8) & 0xff;
  b[total - 2] = (hiBits >>> 16) & 0xff;
  b[total - 1] = hiBits >>> 24;

  let a0 = 0x67452301;
  let b0 = 0xefcdab89 | 0;
  let c0 = 0x98badcfe | 0;
  let d0 = 0x10325476;
  for (let off = 0; off < total; off += 64) {
    for (let t = 0; t < 16; t++) {
      const o = off + t * 4;
      M[t] =
        (b[o] as number) | ((b[o + 1] as number) << 8) | ((b[o + 2] as number) << 16) | ((b[o + 3] as number) << 24);
    }
    let A = a0;
    let B = b0;
    let C = c0;
    let D = d0;
    for (let i = 0; i < 64; i++) {
      let F: number;
      let g: number;
      if (i < 16) {
        F = (B & C) | (~B & D);
        g = i;
      } else if (i < 32) {
        F = (D & B) | (~D & C);
        g = (5 * i + 1) & 15;
      } else if (i < 48) {
        F = B ^ C ^ D;
        g = (3 * i + 5) & 15;
      } else {
        F = C ^ (B | ~D);
        g = (7 * i) & 15;
      }
      const x = (F + A + (K[i] as number) + (M[g] as number)) | 0;
      const s = S[i] as number;
      A = D;
      D = C;
      C = B;
      B = (B + ((x << s) | (x >>> (32 - s)))) | 0;
    }
    a0 = (a0 + A) | 0;
    b0 = (b0 + B) | 0;
    c0 = (c0 + C) | 0;
    d0 = (d0 + D) | 0;
  }
  out[0] = bswap(a0);
  out[1] = bswap(b0);
}

function bswap(x: number): number {
  return (((x & 0xff) << 24) | ((x & 0xff00) << 8) | ((x >>> 8) & 0xff00) | (x >>> 24)) >>> 0;
}
