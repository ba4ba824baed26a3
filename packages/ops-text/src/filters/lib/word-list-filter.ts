import { z } from 'zod';
import { bound, filterParams, RATIO } from '../../common/base-params.ts';
import { isSpecialCodePoint } from '../../common/special-characters.ts';
import { getWordsFromDocument, wordsRefinement } from '../../common/words.ts';
import { loadWordLists, type WordListKind, wordSetFor } from '../resources/word-lists.ts';
import { wordTokenizerFor } from '../resources/word-tokenizer.ts';
import { defineStatFilter, type StatFilterParams } from './define-stat-filter.ts';

/** The ratio of `words` found in `set`, clipped to 1.0 as Data-Juicer does; 0.0 without words. */
export function wordListRatio(words: readonly string[], set: ReadonlySet<string>): number {
  if (words.length === 0) return 0;
  let hits = 0;
  for (const w of words) if (set.has(w)) hits++;
  return Math.min(1, hits / words.length);
}

/** What differs between `stopwords_filter` and `flagged_words_filter`. */
export interface WordListFilterSpec {
  name: string;
  description: string;
  kind: WordListKind;
  statKey: string;
  minRatio: number;
  maxRatio: number;
  batched: boolean;
}

/**
 * Builds a filter over the share of a text's words that are in a word list, with Data-Juicer's refinement
 * (lower-case, strip special characters, optional word augmentation).
 */
export function defineWordListFilter(spec: WordListFilterSpec) {
  const dirKey = `${spec.kind}_dir` as const;
  const params = filterParams({
    lang: z.string().default('en').describe("Language whose list is used ('all' = every list)."),
    tokenization: z
      .boolean()
      .default(false)
      .describe('Cut words with a tokenizer (jieba for zh) instead of whitespace.'),
    min_ratio: bound(spec.minRatio, 'Minimum ratio.', RATIO),
    max_ratio: bound(spec.maxRatio, 'Maximum ratio.', RATIO),
    [dirKey]: z.string().nullish().describe(`Folder of ${spec.kind}*.json files; the bundled lists when unset.`),
    use_words_aug: z.boolean().default(false).describe('Also match joined sliding windows of words (for CJK).'),
    words_aug_group_sizes: z.array(z.number().int().positive()).default([2]),
    words_aug_join_char: z.string().default(''),
  } as { [k: string]: z.ZodType });
  type P = StatFilterParams & {
    [key: string]: unknown;
    lang: string;
    tokenization: boolean;
    min_ratio: number | null;
    max_ratio: number | null;
    use_words_aug: boolean;
    words_aug_group_sizes: number[];
    words_aug_join_char: string;
  };
  return defineStatFilter<z.ZodType<P>>({
    name: spec.name,
    description: spec.description,
    params: params as unknown as z.ZodType<P>,
    requires: [
      spec.kind === 'stopwords'
        ? 'stopwords-iso word lists (or stopwords_dir)'
        : 'naughty-words lists (or flagged_words_dir)',
      'word tokenizer (only with tokenization: true): jieba for zh, Intl.Segmenter otherwise',
    ],
    batched: spec.batched,
    statKey: () => spec.statKey,
    bounds: (p) => [p.min_ratio, p.max_ratio],
    prepare: (p) => {
      const set = wordSetFor(
        loadWordLists(spec.kind, p[dirKey] as string | null, spec.name),
        p.lang,
        spec.kind,
        spec.name,
      );
      const tokenizer = p.tokenization ? wordTokenizerFor(p.lang) : undefined;
      const refine = {
        lowerCase: true,
        stripChars: isSpecialCodePoint,
        useWordsAug: p.use_words_aug,
        wordsAugGroupSizes: p.words_aug_group_sizes,
        wordsAugJoinChar: p.words_aug_join_char,
      };
      return (text) => wordListRatio(wordsRefinement(getWordsFromDocument(text, tokenizer), refine), set);
    },
  });
}
