import { describe, expect, it } from 'vitest';
import { REFERENCE_ROWS } from '../test-helpers/reference-table.ts';
import { round6, runFilter } from '../test-helpers/run-filter.ts';
import { specialCharactersFilter } from './special-characters-filter.ts';

describe('special_characters_filter', () => {
  it('computes special_char_ratio equal to the Data-Juicer reference values', async () => {
    const out = await runFilter(
      specialCharactersFilter,
      REFERENCE_ROWS.map((r) => r.text),
    );
    expect(out.map((o) => round6(o.stats.special_char_ratio))).toEqual(REFERENCE_ROWS.map((r) => r.special_char_ratio));
  });

  it('counts emoji, the quirky CJK members and full-width punctuation as special', async () => {
    // 😀 and 👍🏽 (base + skin tone) are emoji code points; 一 and ー are in the OTHER list; ！ is U+FF01.
    const out = await runFilter(specialCharactersFilter, ['😀一ー！ab', '👍🏽', '\u200d\ufe0f', '']);
    expect(out.map((o) => o.stats.special_char_ratio)).toEqual([4 / 6, 1, 0, 0]);
  });

  it('keeps text with at most 25% special characters by default', async () => {
    const out = await runFilter(specialCharactersFilter, ['abc!', 'ab!!']);
    expect(out.map((o) => o.keep)).toEqual([true, false]);
  });
});
