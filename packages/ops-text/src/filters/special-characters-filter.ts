import { bound, filterParams, RATIO } from '../common/base-params.ts';
import { codePointLength } from '../common/code-points.ts';
import { countSpecialCharacters } from '../common/special-characters.ts';
import { defineStatFilter } from './lib/define-stat-filter.ts';

/** `special_characters_filter`: keeps samples whose ratio of special characters is within `[min_ratio, max_ratio]`. */
export const specialCharactersFilter = defineStatFilter({
  name: 'special_characters_filter',
  description:
    "Keeps samples whose ratio of Data-Juicer's SPECIAL_CHARACTERS (punctuation, digits, whitespace, symbols, emoji) is within [min_ratio, max_ratio].",
  params: filterParams({
    min_ratio: bound(0.0, 'Minimum special-character ratio.', RATIO),
    max_ratio: bound(0.25, 'Maximum special-character ratio.', RATIO),
  }),
  statKey: () => 'special_char_ratio',
  bounds: (p) => [p.min_ratio, p.max_ratio],
  prepare: () => (text) => {
    const n = codePointLength(text);
    return n === 0 ? 0 : countSpecialCharacters(text) / n;
  },
});
