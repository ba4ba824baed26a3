import { describe, expect, it } from 'vitest';
import { numpyPermutation, Pcg64, seedSequenceState } from './index.ts';

describe("numpy's default_rng(42)", () => {
  it('draws the same doubles as numpy (default_rng(42).random() = 0.7739560485559633, 0.4388784397520523)', () => {
    const rng = new Pcg64(42);
    const doubles = [rng.next64(), rng.next64()].map((v) => Number(v >> 11n) / 2 ** 53);
    expect(doubles).toEqual([0.7739560485559633, 0.4388784397520523]);
  });

  it("reproduces numpy's seed-42 permutations for N = 6, 10 and 16", () => {
    expect(Array.from(numpyPermutation(6))).toEqual([3, 2, 5, 4, 1, 0]);
    expect(Array.from(numpyPermutation(10))).toEqual([5, 6, 0, 7, 3, 2, 4, 9, 1, 8]);
    expect(Array.from(numpyPermutation(16))).toEqual([6, 15, 11, 10, 9, 3, 0, 7, 12, 5, 2, 4, 14, 1, 13, 8]);
  });

  it('returns a permutation of 0..N-1 for a large N', () => {
    const perm = numpyPermutation(10_000);
    expect(new Set(perm).size).toBe(10_000);
    expect(Math.max(...perm)).toBe(9_999);
  });

  it('expands a seed into four 64-bit words through SeedSequence', () => {
    const words = seedSequenceState(42, 4);
    expect(words).toHaveLength(4);
    expect(new Set(words.map(String)).size).toBe(4);
    expect(seedSequenceState(43, 4)[0]).not.toBe(words[0]);
  });
});
