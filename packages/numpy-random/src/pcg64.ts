import { maskedInterval32 } from './interval.ts';
import { seedSequenceState } from './seed-sequence.ts';

const M32 = 0xffffffffn;
const M64 = (1n << 64n) - 1n;
const M128 = (1n << 128n) - 1n;
const PCG_MULT = 0x2360ed051fc65da44385df649fccf645n;

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
   * reference permutations in permutation.test.ts, from numpy itself, confirm it; Lemire's draw does not reproduce them).
   */
  interval(max: number): number {
    if (max <= 0xffffffff) return maskedInterval32(max, () => this.next32());
    let mask = BigInt(max);
    for (const shift of [1n, 2n, 4n, 8n, 16n, 32n]) mask |= mask >> shift;
    let value: bigint;
    do value = this.next64() & mask;
    while (value > BigInt(max));
    return Number(value);
  }
}
