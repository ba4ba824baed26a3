/** Counts of the 1..n-grams of a token list, keyed by the n-gram's tokens joined with a space. */
export type NgramCounts = Map<string, number>;

/**
 * Counts the 1..`n`-grams of `words` (pycocoevalcap's `precook`). Keys join tokens with a space, which no token
 * holds, so two different n-grams never share a key; the n-gram's order is its number of spaces plus one.
 */
export function countNgrams(words: readonly string[], n = 4): NgramCounts {
  const counts: NgramCounts = new Map();
  for (let i = 0; i < words.length; i++) {
    let key = words[i]!;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    for (let k = 2; k <= n && i + k <= words.length; k++) {
      key = `${key} ${words[i + k - 1]}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return counts;
}

/** The order (1..n) of an n-gram key made by {@link countNgrams}. */
export function ngramOrder(key: string): number {
  let order = 1;
  for (let i = 0; i < key.length; i++) if (key.charCodeAt(i) === 32) order++;
  return order;
}

/** Python's `str.split()` with no argument: runs of whitespace separate, leading and trailing ones are ignored. */
export function splitWhitespace(text: string): string[] {
  return text.split(/\s+/).filter((w) => w !== '');
}
