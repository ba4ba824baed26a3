import { type BpeTokenizer, EOS_ID } from '../tokenizer/bpe-tokenizer.ts';

/**
 * Documents encoded back to back, each followed by end-of-text. Every position is a prediction target; its
 * context never reaches into the previous document (`docStart`).
 */
export interface TokenStream {
  readonly tokens: Int32Array;
  /** For every position, the index of its document's first token. */
  readonly docStart: Int32Array;
  readonly documents: number;
}

/** Encodes texts into a {@link TokenStream}. */
export function encodeStream(tokenizer: BpeTokenizer, texts: readonly string[]): TokenStream {
  const encoded = texts.map((t) => tokenizer.encode(t));
  const total = encoded.reduce((n, ids) => n + ids.length + 1, 0);
  const tokens = new Int32Array(total);
  const docStart = new Int32Array(total);
  let at = 0;
  for (const ids of encoded) {
    const start = at;
    for (const id of ids) {
      docStart[at] = start;
      tokens[at++] = id;
    }
    docStart[at] = start;
    tokens[at++] = EOS_ID;
  }
  return { tokens, docStart, documents: texts.length };
}

/** Token counts of a stream (end-of-text included), indexed by id. */
export function countTokens(stream: TokenStream, vocabSize: number): Float64Array {
  const counts = new Float64Array(vocabSize);
  for (const id of stream.tokens) counts[id]! += 1;
  return counts;
}

/**
 * Perplexity of the add-one smoothed unigram model with these training counts on `stream`: the baseline a
 * trained language model has to beat.
 */
export function unigramPerplexity(counts: Float64Array, stream: TokenStream): number {
  const total = counts.reduce((s, c) => s + c, 0) + counts.length;
  let nll = 0;
  for (const id of stream.tokens) nll -= Math.log((counts[id]! + 1) / total);
  return Math.exp(nll / stream.tokens.length);
}
