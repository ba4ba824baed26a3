import { z } from 'zod';
import { opParams } from '../common/base-params.ts';
import { codePointLength } from '../common/code-points.ts';
import { MAXSIZE } from '../common/python-numbers.ts';
import { splitOnWhitespace, stripChars } from '../common/words.ts';
import { defineTextMapper } from './internal/define-text-mapper.ts';

const params = opParams({
  min_len: z.number().int().default(1),
  max_len: z.number().default(MAXSIZE),
});

/**
 * `remove_long_words_mapper`: keeps a word iff its length, or its length after stripping SPECIAL_CHARACTERS from its
 * ends, is within `[min_len, max_len]` (docs/text-operators.md#mappers). The text is re-merged on spaces/tabs/newlines,
 * so blank lines and repeated separators disappear even when no word is removed.
 */
export const removeLongWordsMapper = defineTextMapper<z.output<typeof params>>({
  name: 'remove_long_words_mapper',
  description: 'Removes words shorter than min_len or longer than max_len.',
  params,
  transform: (p) => {
    const inRange = (n: number) => p.min_len <= n && n <= p.max_len;
    // A word of L UTF-16 units has between ceil(L/2) and L code points: both in range means its length is too.
    const surely = (length: number) => inRange(length) && inRange((length + 1) >> 1);
    const keep = (word: string) =>
      surely(word.length) || inRange(codePointLength(word)) || inRange(codePointLength(stripChars(word)));
    // merge_on_whitespace_tab_newline(split_on_newline_tab_whitespace(text)) with the words filtered, line by line.
    const mergeLine = (line: string): string => {
      const fields: string[] = [];
      for (const field of line.split('\t')) {
        const words = splitOnWhitespace(field).filter(keep);
        if (words.length > 0) fields.push(words.join(' '));
      }
      return fields.join('\t');
    };
    // A line whose every space- or tab-separated piece is a word that is surely kept comes out unchanged.
    const unchanged = (text: string, from: number, to: number): boolean => {
      let start = from;
      for (let i = from; i <= to; i++) {
        if (i < to) {
          const c = text.charCodeAt(i);
          if (c !== 0x20 && c !== 0x09) continue;
        }
        const length = i - start;
        if (length === 0 || !surely(length)) return false;
        start = i + 1;
      }
      return true;
    };
    return (text) => {
      const lines: string[] = [];
      for (let from = 0; from <= text.length; ) {
        let to = text.indexOf('\n', from);
        if (to < 0) to = text.length;
        if (to > from) {
          const line = unchanged(text, from, to) ? text.slice(from, to) : mergeLine(text.slice(from, to));
          if (line.length > 0) lines.push(line);
        }
        from = to + 1;
      }
      return lines.join('\n');
    };
  },
});
