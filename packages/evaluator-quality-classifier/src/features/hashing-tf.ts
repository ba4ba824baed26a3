import { murmur3, murmur3Legacy, nonNegativeMod } from './murmur3.ts';

/** Which term hash a model was trained with: Spark ≥ 3 (`murmur3`) or Spark 2.x (`murmur3-legacy`). */
export type TermHash = 'murmur3' | 'murmur3-legacy';

/** A sparse term-frequency vector: ascending indices and their counts. */
export interface SparseVector {
  indices: Int32Array;
  values: Float64Array;
}

/** Spark HashingTF's defaults: 2^18 features, seed 42. */
export const DEFAULT_NUM_FEATURES = 1 << 18;
/** Seed of Spark's HashingTF term hash. */
export const HASHING_TF_SEED = 42;

const encoder = new TextEncoder();

/** The feature index of one term, as Spark's HashingTF computes it. */
export function termIndex(term: string, numFeatures = DEFAULT_NUM_FEATURES, hash: TermHash = 'murmur3'): number {
  const bytes = encoder.encode(term);
  const h = hash === 'murmur3' ? murmur3(bytes, HASHING_TF_SEED) : murmur3Legacy(bytes, HASHING_TF_SEED);
  return nonNegativeMod(h, numFeatures);
}

/** Spark's HashingTF (`binary = false`): term counts by hashed index; colliding terms add up. */
export function hashingTF(
  tokens: readonly string[],
  numFeatures = DEFAULT_NUM_FEATURES,
  hash: TermHash = 'murmur3',
): SparseVector {
  const counts = new Map<number, number>();
  for (const token of tokens) {
    const i = termIndex(token, numFeatures, hash);
    counts.set(i, (counts.get(i) ?? 0) + 1);
  }
  const indices = Int32Array.from(counts.keys()).sort();
  const values = Float64Array.from(indices, (i) => counts.get(i)!);
  return { indices, values };
}
