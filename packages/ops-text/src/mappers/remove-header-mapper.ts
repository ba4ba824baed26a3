import { z } from 'zod';
import { opParams } from '../common/base-params.ts';
import { defineTextMapper } from './internal/define-text-mapper.ts';
import { compilePyRegex, pyReplacement } from './internal/py-regex.ts';

const cmd = (name: string) => String.raw`\\\b${name}\b\*?(?:\[(.*?)\])?\{(.*?)\}`;
/** Data-Juicer's pattern, verbatim: paragraph and subparagraph are concatenated, not alternated [quirk]. */
const HEADER = compilePyRegex(
  `^(.*?)(${cmd('chapter')}|${cmd('part')}|${cmd('section')}|${cmd('subsection')}|${cmd('subsubsection')}|${cmd('paragraph')}${cmd('subparagraph')})`,
  'remove_header_mapper',
  { dotAll: true },
);
const KEEP_HEADER = pyReplacement('\\2');

const params = opParams({ drop_no_head: z.boolean().default(true) });

/**
 * `remove_header_mapper`: deletes everything before the first LaTeX sectioning command
 * (docs/text-operators.md#mappers). A text with no such command is left unchanged even with `drop_no_head: true`, as
 * Data-Juicer's code does [quirk].
 */
export const removeHeaderMapper = defineTextMapper<z.output<typeof params>>({
  name: 'remove_header_mapper',
  description: 'Removes everything before the first LaTeX chapter/part/section/... command.',
  params,
  transform: () => (text) => text.replace(HEADER, KEEP_HEADER),
});
