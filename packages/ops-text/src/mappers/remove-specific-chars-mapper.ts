import { z } from 'zod';
import { opParams } from '../common/base-params.ts';
import { defineTextMapper } from './internal/define-text-mapper.ts';
import { compilePyRegex } from './internal/py-regex.ts';

const params = opParams({
  chars_to_remove: z
    .union([z.string(), z.array(z.string())])
    .nullable()
    .default('◆●■►▼▲▴∆▻▷❖♡□'),
});

/**
 * `remove_specific_chars_mapper`: deletes the given characters (docs/text-operators.md#mappers). The class is built as
 * Data-Juicer does, `[` + chars joined by `|` + `]`, so `|` is removed too and regex metacharacters are not escaped
 * [quirk].
 */
export const removeSpecificCharsMapper = defineTextMapper<z.output<typeof params>>({
  name: 'remove_specific_chars_mapper',
  description: 'Removes the specified characters from the text.',
  params,
  transform: (p) => {
    const chars = p.chars_to_remove;
    if (!chars || chars.length === 0) return (text) => text;
    const list = typeof chars === 'string' ? Array.from(chars) : chars;
    const re = compilePyRegex(`[${list.join('|')}]`, 'remove_specific_chars_mapper.chars_to_remove', {
      dotAll: true,
    });
    return (text) => text.replace(re, '');
  },
});
