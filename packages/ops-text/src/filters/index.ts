import type { AnyOperatorDefinition } from '@dj-sandbox/core';
import { alphanumericFilter } from './alphanumeric-filter.ts';
import { averageLineLengthFilter } from './average-line-length-filter.ts';
import { characterRepetitionFilter } from './character-repetition-filter.ts';
import { flaggedWordsFilter } from './flagged-words-filter.ts';
import { languageIdScoreFilter } from './language-id-score-filter.ts';
import { maximumLineLengthFilter } from './maximum-line-length-filter.ts';
import { perplexityFilter } from './perplexity-filter.ts';
import { specialCharactersFilter } from './special-characters-filter.ts';
import { specifiedFieldFilter } from './specified-field-filter.ts';
import { specifiedNumericFieldFilter } from './specified-numeric-field-filter.ts';
import { stopwordsFilter } from './stopwords-filter.ts';
import { suffixFilter } from './suffix-filter.ts';
import { textActionFilter } from './text-action-filter.ts';
import { textEntityDependencyFilter } from './text-entity-dependency-filter.ts';
import { textLengthFilter } from './text-length-filter.ts';
import { tokenNumFilter } from './token-num-filter.ts';
import { wordRepetitionFilter } from './word-repetition-filter.ts';
import { wordsNumFilter } from './words-num-filter.ts';

/** Every text filter operator of this package (docs/text-operators.md#filters), in Data-Juicer's documented order. */
export const filters: AnyOperatorDefinition[] = [
  alphanumericFilter,
  averageLineLengthFilter,
  maximumLineLengthFilter,
  characterRepetitionFilter,
  wordRepetitionFilter,
  wordsNumFilter,
  specialCharactersFilter,
  textLengthFilter,
  tokenNumFilter,
  flaggedWordsFilter,
  stopwordsFilter,
  languageIdScoreFilter,
  perplexityFilter,
  suffixFilter,
  specifiedFieldFilter,
  specifiedNumericFieldFilter,
  textActionFilter,
  textEntityDependencyFilter,
];
