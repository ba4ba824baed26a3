import { BpeTokenizer, BYTE_OFFSET, FIRST_MERGE_ID, pairKey } from './bpe-tokenizer.ts';
import { pretokenize } from './pretokenize.ts';

/** Options of {@link trainBpe}. */
export interface TrainBpeOptions {
  /** Total vocabulary size, including the end-of-text token and the 256 bytes (at least 257). */
  vocabSize: number;
  /** Only the first this many characters of the texts are used to learn merges. */
  maxChars: number;
}

const encoder = new TextEncoder();

/**
 * Learns byte-level BPE merges from texts: counts pre-token frequencies, then repeatedly merges the most frequent
 * adjacent pair (ties broken by the smaller pair ids, so the result is deterministic) until the vocabulary is full
 * or no pair occurs twice. Pair counts are updated only for the words that contain the merged pair.
 */
export function trainBpe(texts: Iterable<string>, options: TrainBpeOptions): BpeTokenizer {
  const freq = new Map<string, number>();
  let chars = 0;
  for (const text of texts) {
    const cut = text.length > options.maxChars - chars ? text.slice(0, options.maxChars - chars) : text;
    for (const piece of pretokenize(cut)) freq.set(piece, (freq.get(piece) ?? 0) + 1);
    chars += cut.length;
    if (chars >= options.maxChars) break;
  }
  const words: number[][] = [];
  const counts: number[] = [];
  for (const [piece, n] of freq) {
    words.push(Array.from(encoder.encode(piece), (b) => b + BYTE_OFFSET));
    counts.push(n);
  }
  const pairCount = new Map<number, number>();
  const pairWords = new Map<number, Set<number>>();
  const addPairs = (w: number, sign: number): void => {
    const ids = words[w]!;
    for (let i = 0; i < ids.length - 1; i++) {
      const key = pairKey(ids[i]!, ids[i + 1]!);
      pairCount.set(key, (pairCount.get(key) ?? 0) + sign * counts[w]!);
      if (sign > 0) {
        const set = pairWords.get(key);
        if (set) set.add(w);
        else pairWords.set(key, new Set([w]));
      }
    }
  };
  for (let w = 0; w < words.length; w++) addPairs(w, 1);

  const merges: Array<[number, number]> = [];
  const target = Math.max(0, options.vocabSize - FIRST_MERGE_ID);
  while (merges.length < target) {
    let bestKey = -1;
    let bestCount = 1;
    for (const [key, n] of pairCount) {
      if (n > bestCount || (n === bestCount && bestKey >= 0 && key < bestKey)) {
        bestKey = key;
        bestCount = n;
      }
    }
    if (bestKey < 0) break;
    const a = Math.floor(bestKey / 1_048_576);
    const b = bestKey % 1_048_576;
    const id = FIRST_MERGE_ID + merges.length;
    merges.push([a, b]);
    for (const w of pairWords.get(bestKey) ?? []) {
      const ids = words[w]!;
      addPairs(w, -1);
      const next: number[] = [];
      for (let i = 0; i < ids.length; i++) {
        if (i < ids.length - 1 && ids[i] === a && ids[i + 1] === b) {
          next.push(id);
          i++;
        } else next.push(ids[i]!);
      }
      words[w] = next;
      addPairs(w, 1);
    }
    pairCount.delete(bestKey);
    pairWords.delete(bestKey);
    // Keep the scan short: pairs whose count fell to zero are gone for good.
    if (merges.length % 64 === 0) for (const [key, n] of pairCount) if (n <= 0) pairCount.delete(key);
  }
  return new BpeTokenizer(merges);
}
