import { describe, expect, it } from 'vitest';
import { mergeOnWhitespaceTabNewline, splitOnNewlineTabWhitespace } from '../mappers/internal/py-text.ts';
import { runMapper } from '../mappers/internal/test-run.ts';
import { removeLongWordsMapper } from '../mappers/remove-long-words-mapper.ts';
import { CodePointClass } from './code-point-class.ts';
import { codePointLength } from './code-points.ts';
import { isSpecialCodePoint } from './special-characters.ts';
import { countRefinedWords, getWordsFromDocument, stripChars, wordsRefinement } from './words.ts';

const PIECES = [
  'a',
  'Zz',
  '9',
  ' ',
  '  ',
  '\n',
  '\t',
  '.',
  '—',
  'é',
  'ß',
  '中文',
  '😀',
  '\ud800',
  '\udc00',
  '١٢',
  '_',
  '\r',
];

function randomTexts(count: number): string[] {
  let state = 7;
  const next = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state >>> 16;
  };
  return Array.from({ length: count }, () => {
    let text = '';
    for (let i = next() % 60; i > 0; i--) text += PIECES[next() % PIECES.length];
    return text;
  });
}

describe('counting without building filtered copies', () => {
  const texts = randomTexts(400);

  it('counts letters and numbers as removing every other code point and measuring the rest does', () => {
    const alnum = new CodePointClass('\\p{L}\\p{N}');
    for (const text of texts) expect(alnum.count(text)).toBe(codePointLength(text.replace(/[^\p{L}\p{N}]/gu, '')));
  });

  it('counts refined words as words_refinement over split_on_whitespace does', () => {
    for (const text of texts) {
      const words = wordsRefinement(getWordsFromDocument(text), { stripChars: isSpecialCodePoint });
      expect(countRefinedWords(text, isSpecialCodePoint)).toBe(words.length);
    }
  });

  it('removes long words in one pass exactly as split, filter and merge do', async () => {
    for (const [min_len, max_len] of [
      [1, 2 ** 63],
      [2, 5],
      [3, 3],
      [0, 1],
    ] as const) {
      const inRange = (n: number) => min_len <= n && n <= max_len;
      const keep = (w: string) => inRange(codePointLength(w)) || inRange(codePointLength(stripChars(w)));
      const expected = texts.map((t) =>
        mergeOnWhitespaceTabNewline(splitOnNewlineTabWhitespace(t).map((l) => l.map((ws) => ws.filter(keep)))),
      );
      expect(await runMapper(removeLongWordsMapper, texts, { min_len, max_len })).toEqual(expected);
    }
  });
});
