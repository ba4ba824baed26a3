/**
 * numpy's `default_rng(seed).permutation(n)`, bit for bit: SeedSequence → PCG64 (XSL-RR 128/64) → Generator.shuffle
 * (Fisher–Yates from the end; each draw is `random_interval`: masked rejection on buffered 32-bit outputs).
 * Data-Juicer's `random_sample` takes the first n rows of this order (spec/dj-core.md §2.3).
 */

const M32 = 0xffffffffn;
const M64 = (1n << 64n) - 1n;
const M128 = (1n << 128n) - 1n;
const PCG_MULT = 0x2360ed051fc65da44385df649fccf645n;

function mul32(a: number, b: number): number {
  return Math.imul(a, b) >>> 0;
}

/** numpy's SeedSequence for a non-negative integer seed, returning `nWords64` uint64 words of state. */
export function seedSequenceState(seed: number, nWords64: number): bigint[] {
  const INIT_A = 0x43b0d7e5;
  const MULT_A = 0x931e8875;
  const INIT_B = 0x8b51f9dd;
  const MULT_B = 0x58f38ded;
  const MIX_MULT_L = 0xca01f9dd;
  const MIX_MULT_R = 0x4973f715;
  const entropy: number[] = [];
  let rest = BigInt(seed);
  do {
    entropy.push(Number(rest & M32));
    rest >>= 32n;
  } while (rest > 0n);
  const pool = new Array<number>(4).fill(0);
  let hashConst = INIT_A;
  const hashmix = (value: number): number => {
    value = (value ^ hashConst) >>> 0;
    hashConst = mul32(hashConst, MULT_A);
    value = mul32(value, hashConst);
    return (value ^ (value >>> 16)) >>> 0;
  };
  const mix = (x: number, y: number): number => {
    const r = (mul32(MIX_MULT_L, x) - mul32(MIX_MULT_R, y)) >>> 0;
    return (r ^ (r >>> 16)) >>> 0;
  };
  for (let i = 0; i < 4; i++) pool[i] = hashmix(entropy[i] ?? 0);
  for (let src = 0; src < 4; src++) {
    for (let dst = 0; dst < 4; dst++) if (src !== dst) pool[dst] = mix(pool[dst]!, hashmix(pool[src]!));
  }
  for (let src = 4; src < entropy.length; src++) {
    for (let dst = 0; dst < 4; dst++) pool[dst] = mix(pool[dst]!, hashmix(entropy[src]!));
  }
  let hashB = INIT_B;
  const words: number[] = [];
  for (let i = 0; i < nWords64 * 2; i++) {
    let v = (pool[i % 4]! ^ hashB) >>> 0;
    hashB = mul32(hashB, MULT_B);
    v = mul32(v, hashB);
    words.push((v ^ (v >>> 16)) >>> 0);
  }
  const out: bigint[] = [];
  for (let i = 0; i < nWords64; i++) out.push((BigInt(words[2 * i + 1]!) << 32n) | BigInt(words[2 * i]!));
  return out;
}

/** The PCG64 bit generator as numpy seeds and steps it, with numpy's buffered 32-bit draws. */
export class Pcg64 {
  private state = 0n;
  private readonly inc: bigint;
  private spare: number | null = null;

  constructor(seed: number) {
    const [s0, s1, i0, i1] = seedSequenceState(seed, 4) as [bigint, bigint, bigint, bigint];
    const initState = (s0 << 64n) | s1;
    const initSeq = (i0 << 64n) | i1;
    this.inc = ((initSeq << 1n) | 1n) & M128;
    this.step();
    this.state = (this.state + initState) & M128;
    this.step();
  }

  private step(): void {
    this.state = (this.state * PCG_MULT + this.inc) & M128;
  }

  /** The next 64-bit output. */
  next64(): bigint {
    this.step();
    const hi = this.state >> 64n;
    const x = (hi ^ this.state) & M64;
    const rot = hi >> 58n;
    return ((x >> rot) | (x << ((64n - rot) & 63n))) & M64;
  }

  /** The next 32-bit output: the low half of a 64-bit draw, then its high half. */
  next32(): number {
    if (this.spare !== null) {
      const v = this.spare;
      this.spare = null;
      return v;
    }
    const v = this.next64();
    this.spare = Number(v >> 32n);
    return Number(v & M32);
  }

  /**
   * A uniform integer in [0, max] by masked rejection (numpy `random_interval`, which `Generator.shuffle` uses; the
   * reference permutations of spec §2.3 confirm it, Lemire's draw does not reproduce them).
   */
  interval(max: number): number {
    if (max === 0) return 0;
    if (max <= 0xffffffff) {
      let mask = max;
      mask |= mask >>> 1;
      mask |= mask >>> 2;
      mask |= mask >>> 4;
      mask |= mask >>> 8;
      mask |= mask >>> 16;
      let value: number;
      do value = (this.next32() & mask) >>> 0;
      while (value > max);
      return value;
    }
    let mask = BigInt(max);
    for (const shift of [1n, 2n, 4n, 8n, 16n, 32n]) mask |= mask >> shift;
    let value: bigint;
    do value = this.next64() & mask;
    while (value > BigInt(max));
    return Number(value);
  }
}

/** `numpy.random.default_rng(seed).permutation(n)`, for n below 2^32. */
export function numpyPermutation(n: number, seed = 42): Uint32Array {
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  const rng = new Pcg64(seed);
  for (let i = n - 1; i >= 1; i--) {
    const j = rng.interval(i);
    const t = out[i]!;
    out[i] = out[j]!;
    out[j] = t;
  }
  return out;
}
