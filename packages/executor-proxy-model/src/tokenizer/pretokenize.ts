/**
 * GPT-2's pre-tokenisation pattern: contractions, runs of letters or digits with an optional leading space, runs of
 * other symbols, and whitespace. BPE merges never cross these pieces.
 */
export const PRETOKENIZE_PATTERN = String.raw`'(?:[sdmt]|ll|ve|re)| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+`;

/** Splits text into pre-tokens. */
export function pretokenize(text: string): string[] {
  return text.match(new RegExp(PRETOKENIZE_PATTERN, 'gu')) ?? [];
}
