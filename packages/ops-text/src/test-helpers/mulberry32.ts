/**
 * A deterministic pseudo-random generator (mulberry32) for tests and benches: the same seed gives the same numbers
 * in [0, 1), so a failing random case can be replayed and every bench run sees the same documents.
 */
export function mulberry32(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
