import { z } from 'zod';
import { bound, COUNT, filterParams } from '../common/base-params.ts';
import { MAXSIZE } from '../common/python-numbers.ts';
import { isSpecialCodePoint } from '../common/special-characters.ts';
import { countRefinedWords, getWordsFromDocument, wordsRefinement } from '../common/words.ts';
import { defineStatFilter } from './lib/define-stat-filter.ts';
import { wordTokenizerFor } from './resources/word-tokenizer.ts';

/** `words_num_filter`: keeps samples whose number of words is within `[min_num, max_num]`. */
export const wordsNumFilter = defineStatFilter({
  name: 'words_num_filter',
  description:
    'Keeps samples whose number of words (split on space/newline/tab, stripped of special characters) is within [min_num, max_num].',
  params: filterParams({
    lang: z.string().default('en').describe('Language of the texts (selects the tokenizer when tokenization is on).'),
    tokenization: z.boolean().default(false).describe('Cut words with a tokenizer instead of whitespace.'),
    min_num: bound(10, 'Minimum number of words.', COUNT),
    max_num: bound(MAXSIZE, 'Maximum number of words.', COUNT),
  }),
  requires: ['word tokenizer (only with tokenization: true): jieba for zh, Intl.Segmenter otherwise'],
  statKey: () => 'num_words',
  bounds: (p) => [p.min_num, p.max_num],
  prepare: (p) => {
    const tokenizer = p.tokenization ? wordTokenizerFor(p.lang) : undefined;
    if (!tokenizer) return (text) => countRefinedWords(text, isSpecialCodePoint);
    return (text) => wordsRefinement(getWordsFromDocument(text, tokenizer), { stripChars: isSpecialCodePoint }).length;
  },
});
