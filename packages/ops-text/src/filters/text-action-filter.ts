import { defineOperator, type FilterInstance, type Sample } from '@dj-sandbox/core';
import { z } from 'zod';
import { filterParams } from '../common/base-params.ts';
import { statsOf, textOf } from '../common/samples.ts';
import { removeSpecialTokens } from '../common/special-tokens.ts';
import { sentenceTaggerFor } from './resources/english-parser.ts';

const params = filterParams({
  lang: z.enum(['en', 'zh']).default('en').describe('Language of the texts (only en is supported here).'),
  min_action_num: z.number().default(1).describe('Minimum number of verbs (actions) a text must contain.'),
});

/** `text_action_filter`: keeps samples with at least `min_action_num` verbs. */
export const textActionFilter = defineOperator<'filter', z.output<typeof params>>({
  name: 'text_action_filter',
  kind: 'filter',
  description:
    'Keeps samples whose text (special tokens removed) has at least min_action_num verbs (actions), by POS tagging.',
  params,
  requires: ['wink-nlp + wink-eng-lite-web-model (in place of spaCy en_core_web_md)'],
  batched: false,
  statsKeys: () => ['num_action'],
  create(p): FilterInstance {
    const tag = sentenceTaggerFor(p.lang, 'text_action_filter');
    return {
      computeStats(samples: Sample[]): void {
        for (const sample of samples) {
          const stats = statsOf(sample);
          if ('num_action' in stats) continue;
          const text = removeSpecialTokens(textOf(sample, p.text_key, 'text_action_filter'));
          let verbs = 0;
          for (const sentence of tag(text)) for (const t of sentence) if (t.pos === 'VERB') verbs++;
          stats.num_action = verbs;
        }
      },
      keep(sample: Sample): boolean {
        return Number(statsOf(sample).num_action) >= p.min_action_num;
      },
    };
  },
});
