import { makeRangeTest } from '@dj-sandbox/media';
import { describe, expect, it } from 'vitest';
import { pyRound1 } from './python-numbers.ts';
import { isSpecialCharacter } from './special-characters.ts';
import { removeSpecialTokens } from './special-tokens.ts';
import { splitlines } from './splitlines.ts';
import { statsToNumber } from './stats-to-number.ts';
import { pySplitWhitespace, splitOnWhitespace, stripChars, wordsRefinement } from './words.ts';

describe('shared text helpers', () => {
  it('split lines exactly like Python str.splitlines', () => {
    expect(splitlines('a\r\nb\rc\nd\x0be\x0cf\x1cg\x85h\u2028i\u2029')).toEqual([
      'a',
      'b',
      'c',
      'd',
      'e',
      'f',
      'g',
      'h',
      'i',
    ]);
    expect(splitlines('')).toEqual([]);
    expect(splitlines('x\n\n')).toEqual(['x', '']);
  });

  it('split words only on space, newline and tab', () => {
    expect(splitOnWhitespace('a  b\tc\nd\re\u3000f', true, true)).toEqual(['a', 'b', 'c', 'd\re\u3000f']);
    expect(splitOnWhitespace('a\tb\nc')).toEqual(['a\tb\nc']);
    expect(pySplitWhitespace('  a\u3000b\ufeffc  ')).toEqual(['a', 'b\ufeffc']);
  });

  it('strip special characters per code point, including emoji, and keep inner ones', () => {
    expect(stripChars('"😀hello, world!😀"')).toBe('hello, world');
    expect(stripChars('...')).toBe('');
    expect(isSpecialCharacter('😀')).toBe(true);
    expect(isSpecialCharacter('a')).toBe(false);
  });

  it('refine words with lower-casing, stripping and augmentation appended after the words', () => {
    expect(
      wordsRefinement(['A!', '--', 'b', 'C'], {
        lowerCase: true,
        stripChars: (cp) => cp === 0x21 || cp === 0x2d,
        useWordsAug: true,
        wordsAugGroupSizes: [2, 3],
        wordsAugJoinChar: '_',
      }),
    ).toEqual(['a', 'b', 'c', 'a_b', 'b_c', 'a_b_c']);
  });

  it('apply the closed-interval keep rule and its reversed form', () => {
    const closed = makeRangeTest(1, 3, {});
    const open = makeRangeTest(1, 3, { min_closed_interval: false, max_closed_interval: false });
    const reversed = makeRangeTest(1, 3, { reversed_range: true });
    const reversedNoMin = makeRangeTest(null, 3, { reversed_range: true });
    expect([0, 1, 2, 3, 4].map(closed)).toEqual([false, true, true, true, false]);
    expect([0, 1, 2, 3, 4].map(open)).toEqual([false, false, true, false, false]);
    expect([0, 1, 2, 3, 4].map(reversed)).toEqual([true, true, false, true, true]);
    expect([2, 3, 4].map(reversedNoMin)).toEqual([false, true, true]);
  });

  it('round to one decimal like Python round, ties to even', () => {
    expect([0.25, 0.35, 2.675, 1500.05, 0.75].map(pyRound1)).toEqual([0.2, 0.3, 2.7, 1500.0, 0.8]);
  });

  it('remove special tokens and strip after each', () => {
    expect(removeSpecialTokens('<__dj__image> A bus. <|__dj__eoc|>')).toBe('A bus.');
  });

  it('turn stats into numbers as stats_to_number does', () => {
    expect([statsToNumber('1.5'), statsToNumber([1, [2, 3]]), statsToNumber(null), statsToNumber([], false)]).toEqual([
      1.5,
      2,
      -(2 ** 63),
      2 ** 63,
    ]);
  });
});
