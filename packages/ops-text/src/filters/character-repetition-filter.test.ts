import { describe, expect, it } from 'vitest';
import { REFERENCE_ROWS } from '../test-helpers/reference-table.ts';
import { round6, runFilter } from '../test-helpers/run-filter.ts';
import { characterRepetitionFilter, charRepetitionRatio } from './character-repetition-filter.ts';

describe('character_repetition_filter', () => {
  it('computes char_rep_ratio equal to the Data-Juicer reference values', async () => {
    const out = await runFilter(
      characterRepetitionFilter,
      REFERENCE_ROWS.map((r) => r.text),
    );
    expect(out.map((o) => round6(o.stats.char_rep_ratio))).toEqual(REFERENCE_ROWS.map((r) => r.char_rep_ratio));
  });

  it('builds n-grams over code points, so emoji repeats are counted like letters', () => {
    // 6 bigrams of "😀😀😀😀😀😀😀": one distinct, seen 6 times: k = min(1, 1) = 1 => 6/6.
    expect(charRepetitionRatio('😀'.repeat(7), 2)).toBe(1);
    // "abab" bigrams: ab×2, ba×1 => D=2, S=1, k=min(1,1)=1 => 2/3.
    expect(charRepetitionRatio('abab', 2)).toBe(2 / 3);
    expect(charRepetitionRatio('😀a😀a', 2)).toBe(2 / 3);
  });

  it('gives 0.0 when the text is shorter than rep_len', async () => {
    const out = await runFilter(characterRepetitionFilter, ['short', ''], { rep_len: 10 });
    expect(out.map((o) => o.stats.char_rep_ratio)).toEqual([0, 0]);
    expect(out.map((o) => o.keep)).toEqual([true, true]);
  });
});
