import { z } from 'zod';
import { opParams } from '../common/base-params.ts';
import { defineTextMapper } from './internal/define-text-mapper.ts';
import { compilePyRegex } from './internal/py-regex.ts';

const INLINE = compilePyRegex(String.raw`[^\\]%.+$`, 'remove_comments_mapper', { multiline: true });
const MULTILINE = compilePyRegex(String.raw`(?m)^%.*\n?`, 'remove_comments_mapper', { multiline: true });

const params = opParams({
  doc_type: z.union([z.string(), z.array(z.string())]).default('tex'),
  inline: z.boolean().default(true),
  multiline: z.boolean().default(true),
});

/**
 * `remove_comments_mapper`: removes TeX comments (docs/text-operators.md#mappers). Inline removal also eats the one
 * character before the `%` (possibly the previous line's newline), as Data-Juicer's pattern `[^\\]%.+$` does.
 */
export const removeCommentsMapper = defineTextMapper<z.output<typeof params>>({
  name: 'remove_comments_mapper',
  description: 'Removes inline and whole-line % comments from TeX documents.',
  params,
  transform: (p) => (text) => {
    if (p.inline) text = text.replace(INLINE, '');
    if (p.multiline) text = text.replace(MULTILINE, '');
    return text;
  },
});
