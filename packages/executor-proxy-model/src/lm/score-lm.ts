import type { NgramLm } from './ngram-lm.ts';
import type { TokenStream } from './token-stream.ts';

/** Summed negative log-likelihood (nats) of a stream's positions `[from, to)`, and how many positions it covers. */
export interface StreamScore {
  nll: number;
  tokens: number;
}

/** Scores every position of a stream with the model (no gradients). */
export function scoreStream(model: NgramLm, stream: TokenStream, from = 0, to = stream.tokens.length): StreamScore {
  let nll = 0;
  for (let at = from; at < to; at++) {
    nll += model.step(stream.tokens, at, stream.docStart[at]!, stream.tokens[at]!, false);
  }
  return { nll, tokens: to - from };
}

/** Mean loss and perplexity of a stream. */
export function evaluateStream(
  model: NgramLm,
  stream: TokenStream,
): { loss: number; perplexity: number; tokens: number } {
  const { nll, tokens } = scoreStream(model, stream);
  const loss = tokens > 0 ? nll / tokens : Number.NaN;
  return { loss, perplexity: Math.exp(loss), tokens };
}

/** Per-document scores: the positions of each document (its tokens and its end-of-text) in order. */
export function scoreDocuments(model: NgramLm, stream: TokenStream): StreamScore[] {
  const out: StreamScore[] = [];
  let at = 0;
  while (at < stream.tokens.length) {
    const start = stream.docStart[at]!;
    let end = at;
    while (end < stream.tokens.length && stream.docStart[end] === start) end++;
    out.push(scoreStream(model, stream, at, end));
    at = end;
  }
  return out;
}
