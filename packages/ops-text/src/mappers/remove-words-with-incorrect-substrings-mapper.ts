import { configError } from '@dj-sandbox/core';
import { z } from 'zod';
import { opParams } from '../common/base-params.ts';
import { stripChars } from '../common/words.ts';
import { defineTextMapper } from './internal/define-text-mapper.ts';
import { mergeOnWhitespaceTabNewline, splitOnNewlineTabWhitespace } from './internal/py-text.ts';

const NAME = 'remove_words_with_incorrect_substrings_mapper';

const params = opParams({
  lang: z.string().default('en'),
  tokenization: z.boolean().default(false),
  substrings: z.array(z.string()).nullable().default(null),
});

/**
 * `remove_words_with_incorrect_substrings_mapper`: drops words that, after stripping SPECIAL_CHARACTERS from their
 * ends, contain one of the substrings (case-sensitive; default `http`, `www`, `.com`, `href`, `//`)
 * (docs/text-operators.md#mappers). `tokenization: true` needs Data-Juicer's `{lang}.sp.model` sentencepiece model,
 * which this port does not ship: it is rejected with a config error.
 */
export const removeWordsWithIncorrectSubstringsMapper = defineTextMapper<z.output<typeof params>>({
  name: NAME,
  description: 'Removes words containing any of the given substrings (links, html attributes, ...).',
  params,
  requires: ['sentencepiece {lang}.sp.model (only with tokenization: true; unsupported)'],
  transform: (p) => {
    if (p.tokenization) {
      throw configError('op-unsupported-param', `${NAME}.tokenization: true needs a sentencepiece model`, {
        path: `${NAME}.tokenization`,
        expected: 'false',
        received: true,
        fix: 'set tokenization: false (words are then split on spaces, tabs and newlines)',
      });
    }
    const substrings = p.substrings ?? ['http', 'www', '.com', 'href', '//'];
    const keep = (word: string) => {
      const stripped = stripChars(word);
      for (const s of substrings) if (stripped.includes(s)) return false;
      return true;
    };
    return (text) =>
      mergeOnWhitespaceTabNewline(
        splitOnNewlineTabWhitespace(text).map((line) => line.map((words) => words.filter(keep))),
      );
  },
});
