import { defineWordListFilter } from './lib/word-list-filter.ts';

/** `stopwords_filter`: keeps samples whose stopword ratio is within `[min_ratio, max_ratio]`. */
export const stopwordsFilter = defineWordListFilter({
  name: 'stopwords_filter',
  description:
    'Keeps samples whose ratio of stopwords (lower-cased words stripped of special characters) is within [min_ratio, max_ratio].',
  kind: 'stopwords',
  statKey: 'stopwords_ratio',
  minRatio: 0.3,
  maxRatio: 1.0,
  batched: false,
});
