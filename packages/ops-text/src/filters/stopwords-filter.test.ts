import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFilter, runFilter } from '../test-helpers/run-filter.ts';
import { stopwordsFilter } from './stopwords-filter.ts';

describe('stopwords_filter', () => {
  it('computes stopwords_ratio over lower-cased, stripped words with the bundled English list', async () => {
    // today is and it's a are stopwords-iso English entries; sunday happy day are not => 5/8.
    const out = await runFilter(stopwordsFilter, ["Today is Sunday and it's a happy day!", 'Cup, coffee.', '']);
    expect(out.map((o) => o.stats.stopwords_ratio)).toEqual([5 / 8, 0, 0]);
    expect(out.map((o) => o.keep)).toEqual([true, false, false]);
  });

  it('segments Chinese with jieba and matches the bundled Chinese list', async () => {
    // jieba: 你好 / ， / 请问 / 你 / 是 / 谁 => stripped: 你好 请问 你 是 谁; 你 是 谁 are stopwords => 3/5.
    const out = await runFilter(stopwordsFilter, ['你好，请问你是谁'], { lang: 'zh', tokenization: true });
    expect(out[0]!.stats.stopwords_ratio).toBe(3 / 5);
  });

  it('counts augmented word joins after the words themselves with use_words_aug', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dj-stopwords-'));
    writeFileSync(join(dir, 'my_stopwords.json'), JSON.stringify({ xx: ['ab', 'bc'] }));
    writeFileSync(join(dir, 'other.json'), JSON.stringify({ xx: ['a'] }));
    // words a b c => aug a+b "ab", b+c "bc" => list [a,b,c,ab,bc], hits ab bc (the other.json file is ignored) => 2/5.
    const out = await runFilter(stopwordsFilter, ['a b c'], { lang: 'xx', stopwords_dir: dir, use_words_aug: true });
    expect(out[0]!.stats.stopwords_ratio).toBe(2 / 5);
  });

  it('rejects a language without a list before anything runs', async () => {
    await expect(createFilter(stopwordsFilter, { lang: 'qq' })).rejects.toThrow(/no stopwords list for language 'qq'/);
  });
});
