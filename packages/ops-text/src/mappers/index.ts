import type { AnyOperatorDefinition } from '@dj-sandbox/core';
import { chineseConvertMapper } from './chinese-convert-mapper.ts';
import { cleanCopyrightMapper } from './clean-copyright-mapper.ts';
import { cleanEmailMapper } from './clean-email-mapper.ts';
import { cleanHtmlMapper } from './clean-html-mapper.ts';
import { cleanIpMapper } from './clean-ip-mapper.ts';
import { cleanLinksMapper } from './clean-links-mapper.ts';
import { expandMacroMapper } from './expand-macro-mapper.ts';
import { fixUnicodeMapper } from './fix-unicode-mapper.ts';
import { punctuationNormalizationMapper } from './punctuation-normalization-mapper.ts';
import { removeBibliographyMapper } from './remove-bibliography-mapper.ts';
import { removeCommentsMapper } from './remove-comments-mapper.ts';
import { removeHeaderMapper } from './remove-header-mapper.ts';
import { removeLongWordsMapper } from './remove-long-words-mapper.ts';
import { removeNonChineseCharacterMapper } from './remove-non-chinese-character-mapper.ts';
import { removeRepeatSentencesMapper } from './remove-repeat-sentences-mapper.ts';
import { removeSpecificCharsMapper } from './remove-specific-chars-mapper.ts';
import { removeWordsWithIncorrectSubstringsMapper } from './remove-words-with-incorrect-substrings-mapper.ts';
import { sentenceSplitMapper } from './sentence-split-mapper.ts';
import { whitespaceNormalizationMapper } from './whitespace-normalization-mapper.ts';

/** Every text mapper operator of this package (docs/text-operators.md#mappers), in Data-Juicer's documented order. */
export const mappers: AnyOperatorDefinition[] = [
  cleanEmailMapper,
  cleanLinksMapper,
  cleanIpMapper,
  cleanHtmlMapper,
  cleanCopyrightMapper,
  expandMacroMapper,
  fixUnicodeMapper,
  punctuationNormalizationMapper,
  whitespaceNormalizationMapper,
  removeHeaderMapper,
  removeBibliographyMapper,
  removeCommentsMapper,
  removeLongWordsMapper,
  removeNonChineseCharacterMapper,
  removeRepeatSentencesMapper,
  removeSpecificCharsMapper,
  removeWordsWithIncorrectSubstringsMapper,
  sentenceSplitMapper,
  chineseConvertMapper,
];
