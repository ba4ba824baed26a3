import { describe, expect, it } from 'vitest';
import { REFERENCE_ROWS } from '../test-helpers/reference-table.ts';
import { round6, runFilter } from '../test-helpers/run-filter.ts';
import { wordRepetitionFilter } from './word-repetition-filter.ts';

describe('word_repetition_filter', () => {
  it('computes word_rep_ratio equal to the Data-Juicer reference values for rep_len 10 and 3', async () => {
    const texts = REFERENCE_ROWS.map((r) => r.text);
    const ten = await runFilter(wordRepetitionFilter, texts);
    const three = await runFilter(wordRepetitionFilter, texts, { rep_len: 3 });
    expect(ten.map((o) => round6(o.stats.word_rep_ratio))).toEqual(REFERENCE_ROWS.map((r) => r.word_rep_ratio));
    expect(three.map((o) => round6(o.stats.word_rep_ratio))).toEqual(REFERENCE_ROWS.map((r) => r.word_rep_ratio_3));
  });

  it('drops the five-Sunday text as Data-Juicer unit test does (rep_len 3, max_ratio 0.2)', async () => {
    const out = await runFilter(wordRepetitionFilter, [REFERENCE_ROWS[0]!.text, REFERENCE_ROWS[6]!.text], {
      rep_len: 3,
      max_ratio: 0.2,
    });
    expect(out.map((o) => o.keep)).toEqual([true, false]);
  });

  it('lower-cases and strips punctuation before counting n-grams', async () => {
    // "Go! go, GO." => go go go: bigrams "go go" ×2 => 2/2.
    const out = await runFilter(wordRepetitionFilter, ['Go! go, GO.'], { rep_len: 2 });
    expect(out[0]!.stats.word_rep_ratio).toBe(1);
  });

  it('segments Chinese with jieba when tokenization is on', async () => {
    // jieba: 你好/，/你好/，/你好 => stripped: 你好 ×3 => bigrams "你好 你好" ×2 => 1.0.
    const out = await runFilter(wordRepetitionFilter, ['你好，你好，你好'], {
      lang: 'zh',
      tokenization: true,
      rep_len: 2,
    });
    expect(out[0]!.stats.word_rep_ratio).toBe(1);
  });
});
