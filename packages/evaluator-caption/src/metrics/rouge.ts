import type { CaptionPair, CorpusScore } from './caption-pair.ts';

const BETA = 1.2;

/** Length of the longest common subsequence of two token lists (dynamic programming over one row). */
export function lcsLength(a: readonly string[], b: readonly string[]): number {
  const [long, short] = a.length >= b.length ? [a, b] : [b, a];
  const row = new Array<number>(short.length + 1).fill(0);
  for (let i = 1; i <= long.length; i++) {
    let diagonal = 0;
    for (let j = 1; j <= short.length; j++) {
      const above = row[j]!;
      row[j] = long[i - 1] === short[j - 1] ? diagonal + 1 : Math.max(above, row[j - 1]!);
      diagonal = above;
    }
  }
  return row[short.length]!;
}

/**
 * ROUGE-L of one image as pycocoevalcap's `Rouge.calc_score`: tokens split on single spaces, the best precision and
 * the best recall over the references (taken separately), combined as an F-measure with beta 1.2.
 */
export function rougeL(candidate: string, references: readonly string[]): number {
  const c = candidate.split(' ');
  let precision = 0;
  let recall = 0;
  for (const reference of references) {
    const r = reference.split(' ');
    const lcs = lcsLength(r, c);
    precision = Math.max(precision, lcs / c.length);
    recall = Math.max(recall, lcs / r.length);
  }
  if (precision === 0 || recall === 0) return 0;
  return ((1 + BETA ** 2) * precision * recall) / (recall + BETA ** 2 * precision);
}

/** ROUGE-L of a corpus: the mean of the per-image scores. */
export function rouge(pairs: readonly CaptionPair[]): CorpusScore {
  const perImage = pairs.map((p) => rougeL(p.candidate, p.references));
  return { score: mean(perImage), perImage };
}

/** The arithmetic mean, 0 for none. */
export function mean(values: readonly number[]): number {
  let sum = 0;
  for (const v of values) sum += v;
  return values.length === 0 ? 0 : sum / values.length;
}
