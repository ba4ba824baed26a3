import type { CaptionPair, CorpusScore } from './caption-pair.ts';
import { countNgrams, type NgramCounts, ngramOrder, splitWhitespace } from './ngrams.ts';
import { mean } from './rouge.ts';

const N = 4;
const SIGMA = 6;

interface TfIdfVector {
  readonly weights: readonly Map<string, number>[];
  readonly norms: readonly number[];
  readonly length: number;
}

/**
 * CIDEr-D as pycocoevalcap's `Cider` computes it: tf-idf n-gram vectors (n = 1..4) with document frequencies taken
 * from the references of the evaluated set, the candidate's weights clipped by the reference's, a Gaussian length
 * penalty (sigma 6), averaged over n and over the references, times 10; the corpus score is the mean over images.
 */
export function cider(pairs: readonly CaptionPair[]): CorpusScore {
  const refCounts = pairs.map((p) => p.references.map((r) => countNgrams(splitWhitespace(r), N)));
  const documentFrequency = new Map<string, number>();
  for (const refs of refCounts) {
    const seen = new Set<string>();
    for (const counts of refs) for (const gram of counts.keys()) seen.add(gram);
    for (const gram of seen) documentFrequency.set(gram, (documentFrequency.get(gram) ?? 0) + 1);
  }
  const logRefCount = Math.log(pairs.length);

  const toVector = (counts: NgramCounts): TfIdfVector => {
    const weights = Array.from({ length: N }, () => new Map<string, number>());
    const squares = new Array<number>(N).fill(0);
    let length = 0;
    for (const [gram, tf] of counts) {
      const n = ngramOrder(gram) - 1;
      const w = tf * (logRefCount - Math.log(Math.max(1, documentFrequency.get(gram) ?? 0)));
      weights[n]!.set(gram, w);
      squares[n]! += w * w;
      // pycocoevalcap counts the bigram term frequencies here (its `n == 1`), not the unigrams: kept as it is.
      if (n === 1) length += tf;
    }
    return { weights, norms: squares.map(Math.sqrt), length };
  };

  const similarity = (hyp: TfIdfVector, ref: TfIdfVector): number[] => {
    const delta = hyp.length - ref.length;
    const penalty = Math.E ** (-(delta ** 2) / (2 * SIGMA ** 2));
    return hyp.weights.map((hypWeights, n) => {
      let value = 0;
      for (const [gram, w] of hypWeights) {
        const r = ref.weights[n]!.get(gram) ?? 0;
        value += Math.min(w, r) * r;
      }
      if (hyp.norms[n] !== 0 && ref.norms[n] !== 0) value /= hyp.norms[n]! * ref.norms[n]!;
      return value * penalty;
    });
  };

  const perImage = pairs.map((pair, i) => {
    const hyp = toVector(countNgrams(splitWhitespace(pair.candidate), N));
    const sum = new Array<number>(N).fill(0);
    for (const ref of refCounts[i]!) {
      const s = similarity(hyp, toVector(ref));
      for (let n = 0; n < N; n++) sum[n]! += s[n]!;
    }
    return (mean(sum) / pair.references.length) * 10;
  });
  return { score: mean(perImage), perImage };
}
