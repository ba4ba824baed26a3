/**
 * The MinHash permutation loop as a 345-byte WebAssembly module, compiled from `minhash.wat` next to this file
 * (wasmtime's wat2wasm). WebAssembly's i64 multiply wraps modulo 2^64 exactly as numpy's uint64 does, and runs the
 * loop about 10× faster than 32-bit-limb JavaScript. One instance per thread; memory grows on demand.
 */

const WASM_BASE64 =
  'AGFzbQEAAAABCQFgBX9/f39/AAMCAQAFAwEAAQcUAgZtZW1vcnkCAAdtaW5oYXNoAAAKywEByAEDAn8FfgF/QQAhBQJAA0AgBSADTw0BIAIgBUEEdGohDCAMKQMAIQcgDCkDCCEIQv////8PIQlBACEGAkADQCAGIAFPDQEgACAGQQJ0ajUCACAHfiAIfCELIAtCPYggC0L//////////x+DfCEKIApC//////////8fWgRAIApC//////////8ffSEKCyAKQv////8PgyEKIAogCVQEQCAKIQkLIAZBAWohBgwACwsgBCAFQQJ0aiAJpzYCACAFQQFqIQUMAAsLCwBXBG5hbWUCMwEADQACaHABAW4CAnBwAwVjb3VudAQCb3AFAWoGAWkHAWEIAWIJA21pbgoBdgsBeAwBcAMbAQAEAAZkb25lX2oBAmxqAgZkb25lX2kDAmxp';

interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}

interface Exports {
  memory: WasmMemory;
  minhash(hashPtr: number, n: number, permPtr: number, count: number, outPtr: number): void;
}

// The project's `lib` has no DOM/WebAssembly typings; the global exists in every Node version we support.
const WASM_API = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: unknown };
}

/** A per-thread WebAssembly MinHash kernel with its permutations loaded. */
export class MinhashKernel {
  private readonly exports: Exports;
  private readonly count: number;
  private readonly outPtr: number;
  private readonly hashPtr: number;

  /** @param a,b the permutation coefficients (uint64) */
  constructor(a: readonly bigint[], b: readonly bigint[]) {
    const wasm = WASM_API;
    const module = new wasm.Module(Buffer.from(WASM_BASE64, 'base64'));
    this.exports = new wasm.Instance(module).exports as unknown as Exports;
    this.count = a.length;
    this.outPtr = this.count * 16;
    this.hashPtr = this.outPtr + this.count * 4;
    const perms = new BigUint64Array(this.exports.memory.buffer, 0, this.count * 2);
    for (let j = 0; j < this.count; j++) {
      perms[2 * j] = a[j] as bigint;
      perms[2 * j + 1] = b[j] as bigint;
    }
  }

  /** Writes the signature of the first `n` shingle hashes (from `hashes`) into `out`. */
  run(hashes: Uint32Array, n: number, out: Uint32Array): void {
    const needed = this.hashPtr + n * 4;
    const mem = this.exports.memory;
    if (needed > mem.buffer.byteLength) mem.grow(Math.ceil((needed - mem.buffer.byteLength) / 65536));
    new Uint32Array(mem.buffer, this.hashPtr, n).set(hashes.subarray(0, n));
    this.exports.minhash(this.hashPtr, n, 0, this.count, this.outPtr);
    out.set(new Uint32Array(mem.buffer, this.outPtr, this.count));
  }
}
