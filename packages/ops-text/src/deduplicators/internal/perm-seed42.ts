import { type Permutations, permutationsFrom } from './minhash.ts';
import { PERM_A, PERM_B } from './perm-seed42-data.ts';

/**
 * The first `count` of Data-Juicer's seed-42 permutation pairs (docs/text-operators.md#minhash-lsh), or undefined above 256: numpy's
 * Mersenne-Twister draw is not re-implemented, only its first 256 pairs are bundled.
 */
export function seed42Permutations(count: number): Permutations | undefined {
  if (count > PERM_A.length) return undefined;
  return permutationsFrom(PERM_A, PERM_B, count);
}
