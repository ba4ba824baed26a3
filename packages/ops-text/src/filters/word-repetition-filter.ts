import { z } from 'zod';
import { bound, filterParams, RATIO } from '../common/base-params.ts';
import { isSpecialCodePoint } from '../common/special-characters.ts';
import { getWordsFromDocument, wordsRefinement } from '../common/words.ts';
import { defineStatFilter } from './lib/define-stat-filter.ts';
import { wordTokenizerFor } from './resources/word-tokenizer.ts';

/**
 * Data-Juicer's `word_rep_ratio`: among all word n-grams (`" ".join(words[i:i+n])`), the share of occurrences whose
 * n-gram appears more than once.
 */
export function wordRepetitionRatio(words: readonly string[], n: number): number {
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= words.length; i++) {
    const gram = n === 1 ? words[i]! : words.slice(i, i + n).join(' ');
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  let total = 0;
  let repeated = 0;
  for (const f of counts.values()) {
    total += f;
    if (f > 1) repeated += f;
  }
  return total === 0 ? 0 : repeated / total;
}

/** `word_repetition_filter`: keeps samples whose word n-gram repetition ratio is in range. */
export const wordRepetitionFilter = defineStatFilter({
  name: 'word_repetition_filter',
  description:
    'Keeps samples whose word n-gram repetition ratio (lower-cased words stripped of special characters) is within [min_ratio, max_ratio].',
  params: filterParams({
    lang: z.string().default('en').describe('Language of the texts (selects the tokenizer when tokenization is on).'),
    tokenization: z.boolean().default(false).describe('Cut words with a tokenizer instead of whitespace.'),
    rep_len: z.number().int().positive().default(10).describe('Length of the word n-grams.'),
    min_ratio: bound(0.0, 'Minimum repetition ratio.', RATIO),
    max_ratio: bound(0.5, 'Maximum repetition ratio.', RATIO),
  }),
  requires: ['word tokenizer (only with tokenization: true): jieba for zh, Intl.Segmenter otherwise'],
  statKey: () => 'word_rep_ratio',
  bounds: (p) => [p.min_ratio, p.max_ratio],
  prepare: (p) => {
    const tokenizer = p.tokenization ? wordTokenizerFor(p.lang) : undefined;
    return (text) => {
      const words = wordsRefinement(getWordsFromDocument(text, tokenizer), {
        lowerCase: true,
        stripChars: isSpecialCodePoint,
      });
      return wordRepetitionRatio(words, p.rep_len);
    };
  },
});
