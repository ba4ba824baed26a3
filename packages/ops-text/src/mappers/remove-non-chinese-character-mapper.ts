import { z } from 'zod';
import { opParams } from '../common/base-params.ts';
import { defineTextMapper } from './internal/define-text-mapper.ts';
import { compilePyRegex } from './internal/py-regex.ts';

const params = opParams({
  keep_alphabet: z.boolean().default(true),
  keep_number: z.boolean().default(true),
  keep_punc: z.boolean().default(true),
});

/** Builds Data-Juicer's pattern for the given flags, verbatim (the CJK range stops at U+9FA5). */
export function nonChinesePattern(p: { keep_alphabet: boolean; keep_number: boolean; keep_punc: boolean }): string {
  let pattern = '[^\u4e00-\u9fa5';
  if (p.keep_alphabet) pattern += 'A-Za-z';
  if (p.keep_number) pattern += '0-9';
  pattern += p.keep_punc ? '.， ,\\-。%《*》/•、&＆(—)（+）：？!！“”·]+' : ']';
  return pattern;
}

/**
 * `remove_non_chinese_character_mapper`: removes every character outside the Chinese (+ kept) set
 * (docs/text-operators.md#mappers).
 */
export const removeNonChineseCharacterMapper = defineTextMapper<z.output<typeof params>>({
  name: 'remove_non_chinese_character_mapper',
  description: 'Removes every character that is not Chinese (optionally keeping letters, digits and punctuation).',
  params,
  transform: (p) => {
    const re = compilePyRegex(nonChinesePattern(p), 'remove_non_chinese_character_mapper', { dotAll: true });
    return (text) => text.replace(re, '');
  },
});
