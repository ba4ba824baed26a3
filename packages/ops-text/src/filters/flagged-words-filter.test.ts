import { describe, expect, it } from 'vitest';
import { runFilter } from '../test-helpers/run-filter.ts';
import { flaggedWordsFilter } from './flagged-words-filter.ts';

describe('flagged_words_filter', () => {
  it('computes flagged_words_ratio with the bundled English list and drops texts above 0.045', async () => {
    const clean = 'This paper proposed a novel method on LLM pretraining.';
    const out = await runFilter(flaggedWordsFilter, [clean, 'What an ASS!', '']);
    expect(out.map((o) => o.stats.flagged_words_ratio)).toEqual([0, 1 / 3, 0]);
    expect(out.map((o) => o.keep)).toEqual([true, false, true]);
  });

  it('finds multi-character Chinese flagged words through jieba with word augmentation', async () => {
    // jieba: 这是 / 三级片; augmentation adds 这是三级片 (size 2, none of size 3) => 1 hit in 3 words.
    const out = await runFilter(flaggedWordsFilter, ['这是三级片'], {
      lang: 'zh',
      tokenization: true,
      use_words_aug: true,
      words_aug_group_sizes: [2, 3],
    });
    expect(out[0]!.stats.flagged_words_ratio).toBe(1 / 3);
    expect(out[0]!.keep).toBe(false);
  });

  it('matches every language with lang all', async () => {
    const out = await runFilter(flaggedWordsFilter, ['三级片 ass ok'], { lang: 'all' });
    expect(out[0]!.stats.flagged_words_ratio).toBe(2 / 3);
  });
});
