/**
 * All pairs of 64-bit values within a Hamming distance, as seomoz `simhash.find_all(values, num_blocks, k)` finds
 * them (exact when num_blocks > k). The 64 bits are cut into `numBlocks` blocks; two values within distance k agree
 * on at least `numBlocks − k` whole blocks, so for every choice of that many blocks the values are grouped by those
 * bits and only values in the same group are compared. Groups are chained lists in typed arrays (no allocation per
 * value); the group key is a 53-bit digest of the masked bits, and a digest collision only adds a comparison.
 */
import { hamming } from './simhash.ts';

function combinations(n: number, k: number): number[][] {
  const out: number[][] = [];
  const pick = (start: number, acc: number[]) => {
    if (acc.length === k) {
      out.push(acc.slice());
      return;
    }
    for (let i = start; i < n; i++) {
      acc.push(i);
      pick(i + 1, acc);
      acc.pop();
    }
  };
  pick(0, []);
  return out;
}

/** Masks `[hiMask, loMask]` selecting blocks `which` out of `numBlocks` near-equal blocks of the 64 bits. */
function blockMask(numBlocks: number, which: number[]): [number, number] {
  let hi = 0;
  let lo = 0;
  for (const b of which) {
    const from = Math.floor((b * 64) / numBlocks);
    const to = Math.floor(((b + 1) * 64) / numBlocks);
    for (let bit = from; bit < to; bit++) {
      if (bit < 32) lo |= 1 << bit;
      else hi |= 1 << (bit - 32);
    }
  }
  return [hi >>> 0, lo >>> 0];
}

function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/** Calls `onPair(i, j)` (i < j, possibly more than once) for every pair of values within distance `k`. */
export function findNearPairs(
  hi: Uint32Array,
  lo: Uint32Array,
  numBlocks: number,
  k: number,
  onPair: (i: number, j: number) => void,
): void {
  const n = hi.length;
  const next = new Int32Array(n);
  const heads = new Map<number, number>();
  for (const which of combinations(numBlocks, Math.max(1, numBlocks - k))) {
    const [mh, ml] = blockMask(numBlocks, which);
    heads.clear();
    for (let i = 0; i < n; i++) {
      const h = ((hi[i] as number) & mh) >>> 0;
      const l = ((lo[i] as number) & ml) >>> 0;
      const key = ((h ^ mix32(l)) >>> 0) * 2097152 + (mix32(l ^ 0x9e3779b9) >>> 11);
      const head = heads.get(key);
      next[i] = head === undefined ? -1 : head;
      heads.set(key, i);
      for (let j = next[i] as number; j !== -1; j = next[j] as number) {
        if (hamming(hi[i] as number, lo[i] as number, hi[j] as number, lo[j] as number) <= k) onPair(j, i);
      }
    }
  }
}
