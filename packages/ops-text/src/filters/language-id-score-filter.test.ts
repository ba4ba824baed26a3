import { describe, expect, it } from 'vitest';
import { createFilter, fixtureTexts, runFilter } from '../test-helpers/run-filter.ts';
import { languageIdScoreFilter } from './language-id-score-filter.ts';

describe('language_id_score_filter', () => {
  it('labels the demo dataset with the bundled lid.176.ftz languages and scores', async () => {
    const out = await runFilter(languageIdScoreFilter, fixtureTexts('data-demo-dataset.jsonl'), { lang: 'en' });
    // The quantised .ftz model calls the short 欢迎来到阿里巴巴！ Japanese (0.396 vs zh 0.356); see README.
    expect(out.map((o) => o.stats.lang)).toEqual(['en', 'en', 'zh', 'fr', 'ja', 'en']);
    const scores = [0.9951038, 0.8948813, 0.9481926, 0.9918647, 0.3956467, 0.9695139];
    for (const [i, o] of out.entries()) expect(o.stats.lang_score).toBeCloseTo(scores[i]!, 6);
    expect(out.map((o) => o.keep)).toEqual([true, true, false, false, false, true]);
  });

  it('accepts a list of languages and keeps any language when lang is empty', async () => {
    const texts = ['Today is Sunday and it is a happy day!', '你好，请问你是谁'];
    const list = await runFilter(languageIdScoreFilter, texts, { lang: ['zh', 'fr'] });
    const any = await runFilter(languageIdScoreFilter, texts, { lang: null, min_score: 0.5 });
    expect(list.map((o) => o.keep)).toEqual([false, true]);
    expect(any.map((o) => o.keep)).toEqual([true, true]);
  });

  it('predicts on lower-cased text with newlines replaced by spaces', async () => {
    const a = await runFilter(languageIdScoreFilter, ['TODAY IS SUNDAY\nAND IT IS A HAPPY DAY']);
    const b = await runFilter(languageIdScoreFilter, ['today is sunday and it is a happy day']);
    expect(a[0]!.stats).toEqual(b[0]!.stats);
  });

  it('keeps existing lang stats instead of predicting again', async () => {
    const filter = await createFilter(languageIdScoreFilter, { lang: 'de', min_score: 0.9 });
    const sample = { text: 'Today is Sunday', __dj__stats__: { lang: 'de', lang_score: 0.95 } };
    await filter.computeStats([sample]);
    expect(sample.__dj__stats__).toEqual({ lang: 'de', lang_score: 0.95 });
    expect(filter.keep(sample)).toBe(true);
  });
});
