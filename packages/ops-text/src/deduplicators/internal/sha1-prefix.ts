/**
 * SHA-1 of a byte range, returning only what Data-Juicer's MinHash uses: the first 4 digest bytes read as a
 * little-endian uint32 (`struct.unpack('<I', sha1(data).digest()[:4])`). The MinHash signature hashes its shingles
 * in WebAssembly, 4 at a time (`minhash.wat`); this plain version is the reference its tests compare with (and
 * node:crypto checks this one). Whole blocks are read in place, only the padded tail is copied into a reused buffer,
 * and nothing is allocated per call.
 */

const W = new Int32Array(80);
const tail = new Uint8Array(128);
const H = new Int32Array(5);

function compress(src: Uint8Array, off: number): void {
  for (let t = 0; t < 16; t++) {
    const o = off + t * 4;
    W[t] =
      ((src[o] as number) << 24) |
      ((src[o + 1] as number) << 16) |
      ((src[o + 2] as number) << 8) |
      (src[o + 3] as number);
  }
  for (let t = 16; t < 80; t++) {
    const x = (W[t - 3] as number) ^ (W[t - 8] as number) ^ (W[t - 14] as number) ^ (W[t - 16] as number);
    W[t] = (x << 1) | (x >>> 31);
  }
  let a = H[0] as number;
  let b = H[1] as number;
  let c = H[2] as number;
  let d = H[3] as number;
  let e = H[4] as number;
  let t = 0;
  for (; t < 20; t++) {
    const tmp = (((a << 5) | (a >>> 27)) + ((b & c) | (~b & d)) + e + 0x5a827999 + (W[t] as number)) | 0;
    e = d;
    d = c;
    c = (b << 30) | (b >>> 2);
    b = a;
    a = tmp;
  }
  for (; t < 40; t++) {
    const tmp = (((a << 5) | (a >>> 27)) + (b ^ c ^ d) + e + 0x6ed9eba1 + (W[t] as number)) | 0;
    e = d;
    d = c;
    c = (b << 30) | (b >>> 2);
    b = a;
    a = tmp;
  }
  for (; t < 60; t++) {
    const tmp = (((a << 5) | (a >>> 27)) + ((b & c) | (b & d) | (c & d)) + e - 0x70e44324 + (W[t] as number)) | 0;
    e = d;
    d = c;
    c = (b << 30) | (b >>> 2);
    b = a;
    a = tmp;
  }
  for (; t < 80; t++) {
    const tmp = (((a << 5) | (a >>> 27)) + (b ^ c ^ d) + e - 0x359d3e2a + (W[t] as number)) | 0;
    e = d;
    d = c;
    c = (b << 30) | (b >>> 2);
    b = a;
    a = tmp;
  }
  H[0] = ((H[0] as number) + a) | 0;
  H[1] = ((H[1] as number) + b) | 0;
  H[2] = ((H[2] as number) + c) | 0;
  H[3] = ((H[3] as number) + d) | 0;
  H[4] = ((H[4] as number) + e) | 0;
}

/** First 4 bytes of SHA-1(`bytes[start, end)`) as a little-endian uint32. */
export function sha1Prefix32LE(bytes: Uint8Array, start: number, end: number): number {
  H[0] = 0x67452301;
  H[1] = 0xefcdab89 | 0;
  H[2] = 0x98badcfe | 0;
  H[3] = 0x10325476;
  H[4] = 0xc3d2e1f0 | 0;
  const len = end - start;
  let off = start;
  for (; off + 64 <= end; off += 64) compress(bytes, off);
  const rest = end - off;
  for (let i = 0; i < rest; i++) tail[i] = bytes[off + i] as number;
  tail[rest] = 0x80;
  const total = rest + 9 <= 64 ? 64 : 128;
  tail.fill(0, rest + 1, total - 8);
  const bits = len * 8;
  const hiBits = Math.floor(bits / 0x100000000);
  tail[total - 8] = hiBits >>> 24;
  tail[total - 7] = (hiBits >>> 16) & 0xff;
  tail[total - 6] = (hiBits >>> 8) & 0xff;
  tail[total - 5] = hiBits & 0xff;
  tail[total - 4] = bits >>> 24;
  tail[total - 3] = (bits >>> 16) & 0xff;
  tail[total - 2] = (bits >>> 8) & 0xff;
  tail[total - 1] = bits & 0xff;
  compress(tail, 0);
  if (total === 128) compress(tail, 64);
  const h0 = H[0] as number;
  // Digest bytes 0..3 are h0 big-endian; read little-endian that is h0 byte-swapped.
  return (((h0 & 0xff) << 24) | ((h0 & 0xff00) << 8) | ((h0 >>> 8) & 0xff00) | (h0 >>> 24)) >>> 0;
}
