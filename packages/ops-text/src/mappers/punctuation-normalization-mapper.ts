import { opParams } from '../common/base-params.ts';
import { defineTextMapper } from './internal/define-text-mapper.ts';

/** Data-Juicer's punctuation map, verbatim (including its full-width digit one → `"` [quirk]). */
export const PUNCTUATION_UNICODE: Readonly<Record<string, string>> = {
  '，': ',',
  '。': '.',
  '、': ',',
  '„': '"',
  '”': '"',
  '“': '"',
  '«': '"',
  '»': '"',
  '１': '"',
  '」': '"',
  '「': '"',
  '《': '"',
  '》': '"',
  '´': "'",
  '∶': ':',
  '：': ':',
  '？': '?',
  '！': '!',
  '（': '(',
  '）': ')',
  '；': ';',
  '–': '-',
  '—': ' - ',
  '．': '. ',
  '～': '~',
  '’': "'",
  '…': '...',
  '━': '-',
  '〈': '<',
  '〉': '>',
  '【': '[',
  '】': ']',
  '％': '%',
  '►': '-',
};

// Every key is one BMP code unit, so one character class finds them all.
const ANY_KEY = new RegExp(`[${Object.keys(PUNCTUATION_UNICODE).join('')}]`, 'g');
const lookup = (c: string): string => PUNCTUATION_UNICODE[c] ?? c;

/**
 * `punctuation_normalization_mapper`: maps Unicode punctuation to ASCII, character by character
 * (docs/text-operators.md#mappers).
 */
export const punctuationNormalizationMapper = defineTextMapper({
  name: 'punctuation_normalization_mapper',
  description: 'Replaces Unicode punctuation with its English (ASCII) counterpart.',
  params: opParams({}),
  transform: () => (text) => text.replace(ANY_KEY, lookup),
});
