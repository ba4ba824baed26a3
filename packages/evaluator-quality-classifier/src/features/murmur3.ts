/**
 * MurmurHash3 x86_32 as Spark computes it over the UTF-8 bytes of a term (`org.apache.spark.unsafe.hash.
 * Murmur3_x86_32`). Spark ≥ 3.0's HashingTF uses the standard algorithm (`hashUnsafeBytes2`, equal to mmh3);
 * models saved by Spark 2.x use `hashUnsafeBytes`, which mixes each tail byte (sign-extended) as a whole block.
 */

const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;

function mixK1(k: number): number {
  let k1 = Math.imul(k, C1);
  k1 = (k1 << 15) | (k1 >>> 17);
  return Math.imul(k1, C2);
}

function mixH1(h: number, k1: number): number {
  let h1 = h ^ k1;
  h1 = (h1 << 13) | (h1 >>> 19);
  return (Math.imul(h1, 5) + 0xe6546b64) | 0;
}

function fmix(h: number, length: number): number {
  let h1 = h ^ length;
  h1 ^= h1 >>> 16;
  h1 = Math.imul(h1, 0x85ebca6b);
  h1 ^= h1 >>> 13;
  h1 = Math.imul(h1, 0xc2b2ae35);
  h1 ^= h1 >>> 16;
  return h1 | 0;
}

function hashBlocks(bytes: Uint8Array, aligned: number, seed: number): number {
  let h1 = seed | 0;
  for (let i = 0; i < aligned; i += 4) {
    const block = bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24);
    h1 = mixH1(h1, mixK1(block));
  }
  return h1;
}

/** Standard MurmurHash3 x86_32 (Spark's `hashUnsafeBytes2`, Python's `mmh3.hash`), as a signed 32-bit integer. */
export function murmur3(bytes: Uint8Array, seed: number): number {
  const aligned = bytes.length - (bytes.length % 4);
  let h1 = hashBlocks(bytes, aligned, seed);
  let k1 = 0;
  for (let i = aligned, shift = 0; i < bytes.length; i++, shift += 8) k1 ^= bytes[i]! << shift;
  h1 ^= mixK1(k1);
  return fmix(h1, bytes.length);
}

/** Spark's legacy `hashUnsafeBytes` (HashingTF of Spark 2.x), as a signed 32-bit integer. */
export function murmur3Legacy(bytes: Uint8Array, seed: number): number {
  const aligned = bytes.length - (bytes.length % 4);
  let h1 = hashBlocks(bytes, aligned, seed);
  for (let i = aligned; i < bytes.length; i++) {
    const signedByte = (bytes[i]! << 24) >> 24;
    h1 = mixH1(h1, mixK1(signedByte));
  }
  return fmix(h1, bytes.length);
}

/** Spark's `Utils.nonNegativeMod`. */
export function nonNegativeMod(x: number, mod: number): number {
  const raw = x % mod;
  return raw < 0 ? raw + mod : raw;
}
