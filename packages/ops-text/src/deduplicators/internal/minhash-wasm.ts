/**
 * The JavaScript side of the WebAssembly SIMD MinHash kernel (`minhash.wat`, embedded by `minhash-wasm-bytes.ts`):
 * one `signature` call per document hashes every shingle with SHA-1 (4 at a time) and runs the permutations
 * (8 at a time), so no per-shingle call crosses into WebAssembly. This class lays out the module's memory (see
 * docs/data-engines.md, "MinHash kernels"):
 *
 * - fixed: permutation groups at 0 (64 bytes per 4 permutations, an even number of groups, the unused lanes zero),
 *   the signature at 4096, SHA-1 scratch at 5120;
 * - per document, from 8192: the text's UTF-8 bytes (room for 3 bytes per UTF-16 unit), then for space shingles
 *   (cut in WebAssembly) the tokens, the shingle descriptors `{addr, len}`, the shingles that are not a slice of the
 *   text (joined), the hashes; for other shingles (from the JavaScript Shingler) the joined shingles, the
 *   descriptors and the hashes.
 *
 * One instance per thread; memory grows on demand and is kept.
 */

import { WASM_BASE64 } from './minhash-wasm-bytes.ts';
import type { Shingler } from './shingles.ts';

interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}

interface Exports {
  memory: WasmMemory;
  space_shingles(
    textPtr: number,
    len: number,
    window: number,
    tokPtr: number,
    descPtr: number,
    extraPtr: number,
    extraCap: number,
  ): number;
  sha1_prefixes(descPtr: number, n: number, outPtr: number, scratchPtr: number): number;
  permute(hashPtr: number, m: number, permPtr: number, groups: number, outPtr: number): void;
  signature(
    descPtr: number,
    n: number,
    hashPtr: number,
    scratchPtr: number,
    permPtr: number,
    groups: number,
    outPtr: number,
  ): number;
}

// The project's `lib` has no DOM/WebAssembly typings; the global exists in every Node version we support.
const WASM_API = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: unknown };
}

/** Most permutations the fixed layout holds (Data-Juicer's seed-42 pairs are bundled up to 256). */
const MAX_PERMUTATIONS = 256;
const PERMS = 0;
const OUT = 4096;
const SCRATCH = 5120;
const TEXT = 8192;
/** Bytes kept readable after every region: the SHA-1 stage loads 16 bytes at a time past a shingle's end. */
const SLACK = 64;
const PAGE = 65536;

let module: object | undefined;

const align16 = (n: number) => (n + 15) & ~15;
const encoder = new TextEncoder();

/** A per-thread WebAssembly MinHash kernel with its permutations loaded. */
export class MinhashKernel {
  private readonly exports: Exports;
  private readonly count: number;
  private readonly groups: number;
  private bytes: Uint8Array;
  private words: Uint32Array;
  // Shingle descriptors {addr, len} gathered in JavaScript while shingling, copied into the module once per text.
  private desc = new Int32Array(2048);
  private extra = new Uint8Array(4096);
  private n = 0;
  private textEnd = 0;
  private extraLen = 0;
  private extraBase = 0;
  private descPtr = 0;
  private hashPtr = 0;
  private shingler: Shingler | undefined;

  /** @param a,b the permutation coefficients (uint64, a < 2^61), at most 256 */
  constructor(a: readonly bigint[], b: readonly bigint[]) {
    if (a.length > MAX_PERMUTATIONS || b.length !== a.length) {
      throw new RangeError(
        `MinhashKernel: expected equal a and b of at most 256 permutations, got ${a.length}/${b.length}`,
      );
    }
    module ??= new WASM_API.Module(Buffer.from(WASM_BASE64, 'base64'));
    this.exports = new WASM_API.Instance(module).exports as unknown as Exports;
    this.count = a.length;
    this.groups = 2 * Math.ceil(this.count / 8);
    this.bytes = new Uint8Array(this.exports.memory.buffer);
    this.words = new Uint32Array(this.exports.memory.buffer);
    // Per group of 4: aLo ×4, aHi ×4 (i32x4), then b of lanes 0-1 and 2-3 (i64x2); missing lanes stay 0.
    const view = new DataView(this.exports.memory.buffer);
    for (let j = 0; j < this.count; j++) {
      const base = PERMS + (j >> 2) * 64;
      const lane = j & 3;
      const aj = a[j] as bigint;
      view.setUint32(base + lane * 4, Number(aj & 0xffffffffn), true);
      view.setUint32(base + 16 + lane * 4, Number(aj >> 32n), true);
      view.setBigUint64(base + 32 + lane * 8, b[j] as bigint, true);
    }
  }

  /**
   * Writes the signature of `text`'s shingles into `out` (length = permutation count) and returns the shingle count;
   * with none, `out` is left all `0xFFFFFFFF`. Space shingles are found in WebAssembly too (the text is encoded
   * straight into the module's memory); the other tokenizations come from `shingler`.
   */
  signature(text: string, shingler: Shingler, out: Uint32Array): number {
    // The module's loop assumes a window of at least one token (the operator's schema requires a positive one).
    if (shingler.tokenization === 'space' && shingler.window >= 1) {
      const n = this.spaceShingles(text, shingler.window);
      if (n >= 0) return this.finish(n, out);
    }
    return this.finish(this.shinglesFrom(text, shingler), out);
  }

  /**
   * Encodes `text` into the module and lets it cut the space shingles; returns their count, or -1 when more of them
   * than the room set aside are not slices of the text (the caller then uses the Shingler).
   */
  private spaceShingles(text: string, window: number): number {
    const room = text.length * 3;
    this.reserve(TEXT + room + SLACK);
    const len = encoder.encodeInto(text, this.bytes.subarray(TEXT, TEXT + room)).written;
    // At most one token per two bytes (a token and its space), and at most as many shingles as tokens.
    const tokens = (len >> 1) + 2;
    const tokPtr = align16(TEXT + len + SLACK);
    this.descPtr = tokPtr + tokens * 8;
    const extraPtr = this.descPtr + tokens * 8;
    const extraCap = 2 * len + 4096;
    this.hashPtr = align16(extraPtr + extraCap + SLACK);
    this.reserve(this.hashPtr + (tokens + 3) * 4 + SLACK);
    return this.exports.space_shingles(TEXT, len, window, tokPtr, this.descPtr, extraPtr, extraCap);
  }

  /** Gathers the shingles from `shingler` and copies the text, the joined shingles and the descriptors in. */
  private shinglesFrom(text: string, shingler: Shingler): number {
    this.n = 0;
    this.textEnd = 0;
    this.extraLen = 0;
    this.extraBase = TEXT + align16(text.length * 3 + SLACK);
    this.shingler = shingler;
    shingler.forEach(text, this.visit);
    this.shingler = undefined;
    const n = this.n;
    if (n === 0) return 0;
    this.descPtr = align16(this.extraBase + this.extraLen + SLACK);
    this.hashPtr = align16(this.descPtr + n * 8);
    this.reserve(this.hashPtr + (n + 3) * 4 + SLACK);
    this.bytes.set(shingler.encodedText.subarray(0, this.textEnd), TEXT);
    this.bytes.set(this.extra.subarray(0, this.extraLen), this.extraBase);
    this.words.set(this.desc.subarray(0, 2 * n), this.descPtr >> 2);
    return n;
  }

  /** Hashes and permutes the `n` shingles described at `descPtr` into `out`. */
  private finish(n: number, out: Uint32Array): number {
    if (n === 0) {
      out.fill(0xffffffff);
      return 0;
    }
    this.exports.signature(this.descPtr, n, this.hashPtr, SCRATCH, PERMS, this.groups, OUT);
    out.set(this.words.subarray(OUT >> 2, (OUT >> 2) + this.count));
    return n;
  }

  /**
   * The SHA-1 stage alone, in the input order (the module groups one-block shingles first): each shingle's first
   * 4 digest bytes read little-endian. For tests.
   */
  sha1Prefixes(shingles: readonly Uint8Array[]): Uint32Array {
    const n = shingles.length;
    let at = TEXT;
    const addrs = shingles.map((s) => {
      const addr = at;
      at = align16(at + s.length + SLACK);
      return addr;
    });
    const descPtr = at;
    const hashPtr = align16(descPtr + n * 8);
    this.reserve(hashPtr + (n + 3) * 4 + SLACK);
    shingles.forEach((s, i) => {
      this.bytes.set(s, addrs[i] as number);
      this.words[(descPtr >> 2) + 2 * i] = addrs[i] as number;
      this.words[(descPtr >> 2) + 2 * i + 1] = s.length;
    });
    const m = this.exports.sha1_prefixes(descPtr, n, hashPtr, SCRATCH);
    const order = [...shingles.keys()].sort((i, j) => longer(shingles[i]) - longer(shingles[j]));
    const hashes = new Uint32Array(n);
    order.forEach((i, k) => {
      hashes[i] = this.words[(hashPtr >> 2) + k] as number;
    });
    if (m !== n + ((4 - (n % 4)) % 4)) throw new Error(`sha1_prefixes wrote ${m} hashes for ${n} shingles`);
    return hashes;
  }

  /** The permutation stage alone: the signature of the given shingle hashes (at least one). For tests. */
  permute(hashes: Uint32Array): Uint32Array {
    const hashPtr = TEXT;
    this.reserve(hashPtr + hashes.length * 4 + SLACK);
    this.words.set(hashes, hashPtr >> 2);
    this.exports.permute(hashPtr, hashes.length, PERMS, this.groups, OUT);
    return this.words.slice(OUT >> 2, (OUT >> 2) + this.count);
  }

  private readonly visit = (bytes: Uint8Array, start: number, end: number): void => {
    const i = 2 * this.n;
    if (i === this.desc.length) {
      const grown = new Int32Array(i * 2);
      grown.set(this.desc);
      this.desc = grown;
    }
    const len = end - start;
    if (bytes === (this.shingler as Shingler).encodedText) {
      this.desc[i] = TEXT + start;
      if (end > this.textEnd) this.textEnd = end;
    } else {
      // Not a slice of the text (tokens joined by a single space in place of several): copy it.
      if (this.extraLen + len > this.extra.length) {
        const grown = new Uint8Array(Math.max(this.extra.length * 2, this.extraLen + len));
        grown.set(this.extra.subarray(0, this.extraLen));
        this.extra = grown;
      }
      const extra = this.extra;
      const at = this.extraLen;
      for (let k = 0; k < len; k++) extra[at + k] = bytes[start + k] as number;
      this.desc[i] = this.extraBase + at;
      this.extraLen = at + len;
    }
    this.desc[i + 1] = len;
    this.n++;
  };

  /** Grows the module's memory to at least `bytes` and refreshes the views (growing detaches the old buffer). */
  private reserve(bytes: number): void {
    const memory = this.exports.memory;
    if (bytes > memory.buffer.byteLength) {
      memory.grow(Math.ceil((bytes - memory.buffer.byteLength) / PAGE));
    }
    if (this.bytes.buffer !== memory.buffer) {
      this.bytes = new Uint8Array(memory.buffer);
      this.words = new Uint32Array(memory.buffer);
    }
  }
}

/** 0 for a shingle whose padded SHA-1 message is one block, 1 otherwise: the module's hashing order. */
function longer(s: Uint8Array | undefined): number {
  return (s as Uint8Array).length <= 55 ? 0 : 1;
}
