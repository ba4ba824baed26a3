import { defineWordListFilter } from './lib/word-list-filter.ts';

/** `flagged_words_filter`: keeps samples whose flagged-word ratio is within `[min_ratio, max_ratio]`. */
export const flaggedWordsFilter = defineWordListFilter({
  name: 'flagged_words_filter',
  description:
    'Keeps samples whose ratio of flagged (obscene/offensive) words, lower-cased and stripped of special characters, is within [min_ratio, max_ratio].',
  kind: 'flagged_words',
  statKey: 'flagged_words_ratio',
  minRatio: 0.0,
  maxRatio: 0.045,
  batched: true,
});
