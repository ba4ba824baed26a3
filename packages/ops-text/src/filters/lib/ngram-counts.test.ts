import { describe, expect, it } from 'vitest';
import { ngramCounts } from './ngram-counts.ts';

/** The plain definition: Python's `text[i:i+n]` over code points, counted in a Map, in order of first occurrence. */
function countsByStrings(text: string, n: number): number[] {
  const points = Array.from(text);
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= points.length; i++) {
    const gram = points.slice(i, i + n).join('\u0000');
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return [...counts.values()];
}

function randomText(seed: number, length: number, alphabet: readonly string[]): string {
  let state = seed;
  let text = '';
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    text += alphabet[(state >>> 16) % alphabet.length];
  }
  return text;
}

describe('ngramCounts', () => {
  it('counts every distinct code-point n-gram exactly as the plain Map of strings does', () => {
    const alphabets = [['a', 'b'], ['a', 'b', 'c', ' ', '\n'], ['x', '😀', 'é', '\ud800'], Array.from('lorem ipsum')];
    for (let seed = 1; seed <= 40; seed++) {
      const alphabet = alphabets[seed % alphabets.length]!;
      const text = randomText(seed, (seed * 37) % 700, alphabet);
      for (const n of [1, 2, 3, 5, 10, 13]) expect(Array.from(ngramCounts(text, n))).toEqual(countsByStrings(text, n));
    }
  });

  it('gives no n-grams for a text shorter than n, and counts a surrogate pair as one code point', () => {
    expect(ngramCounts('short', 10)).toHaveLength(0);
    expect(ngramCounts('', 1)).toHaveLength(0);
    expect(Array.from(ngramCounts('😀😀😀', 2))).toEqual([2]);
  });
});
