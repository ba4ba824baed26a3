import { describe, expect, it } from 'vitest';
import { REFERENCE_ROWS } from '../test-helpers/reference-table.ts';
import { runFilter } from '../test-helpers/run-filter.ts';
import { wordsNumFilter } from './words-num-filter.ts';

describe('words_num_filter', () => {
  it('computes num_words equal to the Data-Juicer reference values', async () => {
    const out = await runFilter(
      wordsNumFilter,
      REFERENCE_ROWS.map((r) => r.text),
    );
    expect(out.map((o) => o.stats.num_words)).toEqual(REFERENCE_ROWS.map((r) => r.num_words));
  });

  it('splits only on space, newline and tab, and drops words made only of special characters', async () => {
    // \r and NBSP do not separate; "--" and "😀" strip to nothing.
    const out = await runFilter(wordsNumFilter, ['a\rb c\u00a0d -- 😀 e\tf\ng', ''], { min_num: 1 });
    expect(out.map((o) => o.stats.num_words)).toEqual([5, 0]);
    expect(out.map((o) => o.keep)).toEqual([true, false]);
  });

  it('counts jieba words for Chinese with tokenization on', async () => {
    const out = await runFilter(wordsNumFilter, ['我来到北京清华大学'], { lang: 'zh', tokenization: true });
    // jieba: 我/来到/北京/清华大学
    expect(out[0]!.stats.num_words).toBe(4);
  });
});
