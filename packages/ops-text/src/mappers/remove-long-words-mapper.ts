import { z } from 'zod';
import { opParams } from '../common/base-params.ts';
import { codePointLength } from '../common/code-points.ts';
import { MAXSIZE } from '../common/python-numbers.ts';
import { stripChars } from '../common/words.ts';
import { defineTextMapper } from './internal/define-text-mapper.ts';
import { mergeOnWhitespaceTabNewline, splitOnNewlineTabWhitespace } from './internal/py-text.ts';

const params = opParams({
  min_len: z.number().int().default(1),
  max_len: z.number().default(MAXSIZE),
});

/**
 * `remove_long_words_mapper`: keeps a word iff its length, or its length after stripping SPECIAL_CHARACTERS from its
 * ends, is within `[min_len, max_len]` (spec §4.2). The text is re-merged on spaces/tabs/newlines, so blank lines
 * and repeated separators disappear even when no word is removed.
 */
export const removeLongWordsMapper = defineTextMapper<z.output<typeof params>>({
  name: 'remove_long_words_mapper',
  description: 'Removes words shorter than min_len or longer than max_len.',
  params,
  transform: (p) => {
    const inRange = (n: number) => p.min_len <= n && n <= p.max_len;
    const keep = (word: string) => inRange(codePointLength(word)) || inRange(codePointLength(stripChars(word)));
    return (text) =>
      mergeOnWhitespaceTabNewline(
        splitOnNewlineTabWhitespace(text).map((line) => line.map((words) => words.filter(keep))),
      );
  },
});
