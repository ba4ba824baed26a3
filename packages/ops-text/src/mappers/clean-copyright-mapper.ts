import { opParams } from '../common/base-params.ts';
import { defineTextMapper } from './internal/define-text-mapper.ts';

const BLOCK_COMMENT = /\/\*[^*]*\*+(?:[^/*][^*]*\*+)*\//;
const COPYRIGHT = /copyright/i;

/** Data-Juicer's copyright-header cleaning of one text (docs/text-operators.md#mappers). */
export function cleanCopyright(text: string): string {
  const m = BLOCK_COMMENT.exec(text);
  if (m) {
    // Only the first block comment is looked at, and nothing else is done when there is one.
    if (COPYRIGHT.test(m[0])) return text.slice(0, m.index) + text.slice(m.index + m[0].length);
    return text;
  }
  const lines = text.split('\n');
  let skip = 0;
  for (const line of lines) {
    if (line.startsWith('//') || line.startsWith('#') || line.startsWith('--') || line === '') skip++;
    else break;
  }
  return skip > 0 ? lines.slice(skip).join('\n') : text;
}

/**
 * `clean_copyright_mapper`: removes a copyright block comment or a leading run of comment lines
 * (docs/text-operators.md#mappers).
 */
export const cleanCopyrightMapper = defineTextMapper({
  name: 'clean_copyright_mapper',
  description: 'Removes copyright comments and leading comment lines from the start of code texts.',
  params: opParams({}),
  transform: () => cleanCopyright,
});
