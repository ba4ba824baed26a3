import type { CaptionPair } from './caption-pair.ts';
import { countNgrams, ngramOrder, splitWhitespace } from './ngrams.ts';

const SMALL = 1e-9;
const TINY = 1e-15;

/** BLEU-1..n of a corpus, and per image, as pycocoevalcap's `Bleu(n).compute_score` returns them. */
export interface BleuScores {
  /** `corpus[k]` is BLEU-(k+1) over the whole corpus (clipped counts and lengths summed over images). */
  readonly corpus: readonly number[];
  /** `perImage[k][i]` is BLEU-(k+1) of image i alone. */
  readonly perImage: readonly (readonly number[])[];
}

/** The reference length closest to the candidate's; a tie goes to the shorter reference (Python's tuple `min`). */
function closestLength(refLengths: readonly number[], testLength: number): number {
  let best = refLengths[0]!;
  for (const l of refLengths) {
    const d = Math.abs(l - testLength);
    const bestD = Math.abs(best - testLength);
    if (d < bestD || (d === bestD && l < best)) best = l;
  }
  return best;
}

function brevityPenalty(testLength: number, refLength: number): number {
  const ratio = (testLength + TINY) / (refLength + SMALL);
  return ratio < 1 ? Math.exp(1 - 1 / ratio) : 1;
}

function geometricMeans(correct: readonly number[], guess: readonly number[], penalty: number): number[] {
  const out: number[] = [];
  let product = 1;
  for (let k = 0; k < correct.length; k++) {
    product *= (correct[k]! + TINY) / (guess[k]! + SMALL);
    out.push(product ** (1 / (k + 1)) * penalty);
  }
  return out;
}

/**
 * BLEU with pycocoevalcap's `BleuScorer` (`option='closest'`): per image, n-gram counts clipped by the maximum
 * count in any one reference and the reference length closest to the candidate's; the corpus score sums clipped
 * counts, guesses and lengths over all images before the geometric mean and the brevity penalty.
 */
export function bleu(pairs: readonly CaptionPair[], n = 4): BleuScores {
  const totalCorrect = new Array<number>(n).fill(0);
  const totalGuess = new Array<number>(n).fill(0);
  let totalTest = 0;
  let totalRef = 0;
  const perImage: number[][] = Array.from({ length: n }, () => []);
  for (const pair of pairs) {
    const maxRefCounts = new Map<string, number>();
    const refLengths: number[] = [];
    for (const ref of pair.references) {
      const words = splitWhitespace(ref);
      refLengths.push(words.length);
      for (const [gram, count] of countNgrams(words, n)) {
        if (count > (maxRefCounts.get(gram) ?? 0)) maxRefCounts.set(gram, count);
      }
    }
    const testWords = splitWhitespace(pair.candidate);
    const testLength = testWords.length;
    const correct = new Array<number>(n).fill(0);
    const guess = Array.from({ length: n }, (_, k) => Math.max(0, testLength - k));
    for (const [gram, count] of countNgrams(testWords, n)) {
      correct[ngramOrder(gram) - 1]! += Math.min(maxRefCounts.get(gram) ?? 0, count);
    }
    const refLength = closestLength(refLengths, testLength);
    totalTest += testLength;
    totalRef += refLength;
    for (let k = 0; k < n; k++) {
      totalCorrect[k]! += correct[k]!;
      totalGuess[k]! += guess[k]!;
    }
    const scores = geometricMeans(correct, guess, brevityPenalty(testLength, refLength));
    for (let k = 0; k < n; k++) perImage[k]!.push(scores[k]!);
  }
  return { corpus: geometricMeans(totalCorrect, totalGuess, brevityPenalty(totalTest, totalRef)), perImage };
}
