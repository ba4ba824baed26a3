import { defineOperator, type FilterInstance, type Sample } from '@dj-sandbox/core';
import { z } from 'zod';
import { filterParams } from '../common/base-params.ts';
import { statsOf, textOf } from '../common/samples.ts';
import { removeSpecialTokens } from '../common/special-tokens.ts';
import { sentenceEntityCounts } from './lib/entity-dependencies.ts';
import { sentenceTaggerFor } from './resources/english-parser.ts';

const params = filterParams({
  lang: z.enum(['en', 'zh']).default('en').describe('Language of the texts (only en is supported here).'),
  min_dependency_num: z.number().default(1).describe('Minimum number of dependency edges per entity.'),
  any_or_all: z.enum(['any', 'all']).default('all').describe('Keep if any / all entities have enough edges.'),
});

/**
 * `text_entity_dependency_filter`: keeps samples whose entities (nouns, pronouns) have at least `min_dependency_num`
 * dependency edges, for any or all of them; samples without entities are dropped.
 */
export const textEntityDependencyFilter = defineOperator<'filter', z.output<typeof params>>({
  name: 'text_entity_dependency_filter',
  kind: 'filter',
  description:
    'Keeps samples whose entities have at least min_dependency_num dependency edges (any or all of them); drops samples without entities.',
  params,
  requires: ['wink-nlp + wink-eng-lite-web-model (POS tags; dependency edges approximated by rules, see README)'],
  batched: false,
  statsKeys: () => ['num_dependency_edges'],
  create(p): FilterInstance {
    const tag = sentenceTaggerFor(p.lang, 'text_entity_dependency_filter');
    return {
      computeStats(samples: Sample[]): void {
        for (const sample of samples) {
          const stats = statsOf(sample);
          if ('num_dependency_edges' in stats) continue;
          const text = removeSpecialTokens(textOf(sample, p.text_key, 'text_entity_dependency_filter'));
          stats.num_dependency_edges = tag(text).flatMap(sentenceEntityCounts);
        }
      },
      keep(sample: Sample): boolean {
        const counts = statsOf(sample).num_dependency_edges;
        if (!Array.isArray(counts) || counts.length === 0) return false;
        const ok = (c: unknown) => Number(c) >= p.min_dependency_num;
        return p.any_or_all === 'any' ? counts.some(ok) : counts.every(ok);
      },
    };
  },
});
