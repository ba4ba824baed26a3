import { normalCdf } from './normal.ts';

/** The outcome of {@link mannWhitneyU}. */
export interface MannWhitneyResult {
  /** U of the first sample: the number of pairs (a, b) with a > b, ties counting one half. */
  u: number;
  /** Two-sided p-value. */
  p: number;
  /** U / (n1 · n2): the probability that a value of the first sample exceeds one of the second (ties half). */
  effect: number;
}

/**
 * The two-sided Mann-Whitney U test by the normal approximation with tie correction and continuity correction
 * (scipy's `mannwhitneyu(..., method='asymptotic')`; the test next to it checks it against scipy's p-values).
 */
export function mannWhitneyU(a: readonly number[], b: readonly number[]): MannWhitneyResult {
  const n1 = a.length;
  const n2 = b.length;
  const all = [...a.map((v) => ({ v, first: true })), ...b.map((v) => ({ v, first: false }))].sort((x, y) => x.v - y.v);
  const n = all.length;
  let rankSumFirst = 0;
  let tieTerm = 0;
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && all[j + 1]!.v === all[i]!.v) j++;
    const rank = (i + j) / 2 + 1;
    const t = j - i + 1;
    tieTerm += t * t * t - t;
    for (let k = i; k <= j; k++) if (all[k]!.first) rankSumFirst += rank;
    i = j + 1;
  }
  const u1 = rankSumFirst - (n1 * (n1 + 1)) / 2;
  const u2 = n1 * n2 - u1;
  const mu = (n1 * n2) / 2;
  const sigma = Math.sqrt(((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1))));
  const z = (Math.max(u1, u2) - mu - 0.5) / sigma;
  const p = sigma > 0 ? Math.min(1, 2 * normalCdf(-z)) : 1;
  return { u: u1, p, effect: u1 / (n1 * n2) };
}
