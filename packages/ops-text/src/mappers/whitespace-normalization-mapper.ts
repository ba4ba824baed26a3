import { opParams } from '../common/base-params.ts';
import { defineTextMapper } from './internal/define-text-mapper.ts';
import { pyStrip } from './internal/py-text.ts';

/**
 * Data-Juicer's VARIOUS_WHITESPACES (docs/text-operators.md#shared-helpers) minus the plain space (a no-op to replace).
 * Newline is not in it.
 */
const VARIOUS_WHITESPACES = /[\t\u0084\u00a0\u2000-\u200d\u202f\u205f\u2060\u3000\ufffc]/g;

/**
 * `whitespace_normalization_mapper`: strips the text, then maps every odd whitespace to a plain space
 * (docs/text-operators.md#mappers).
 */
export const whitespaceNormalizationMapper = defineTextMapper({
  name: 'whitespace_normalization_mapper',
  description: 'Strips the text and replaces every non-standard whitespace character with a plain space.',
  params: opParams({}),
  transform: () => (text) => pyStrip(text).replace(VARIOUS_WHITESPACES, ' '),
});
