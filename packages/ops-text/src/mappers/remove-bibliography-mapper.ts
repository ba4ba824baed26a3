import { opParams } from '../common/base-params.ts';
import { defineTextMapper } from './internal/define-text-mapper.ts';
import { compilePyRegex } from './internal/py-regex.ts';

const BIBLIOGRAPHY = compilePyRegex(
  String.raw`(\\appendix|\\begin\{references\}|\\begin\{REFERENCES\}|\\begin\{thebibliography\}|\\bibliography\{.*\}).*$`,
  'remove_bibliography_mapper',
  { dotAll: true },
);

/**
 * `remove_bibliography_mapper`: deletes from the first appendix / bibliography command to the end
 * (docs/text-operators.md#mappers).
 */
export const removeBibliographyMapper = defineTextMapper({
  name: 'remove_bibliography_mapper',
  description: 'Removes the bibliography (and appendix) at the end of LaTeX documents.',
  params: opParams({}),
  transform: () => (text) => text.replace(BIBLIOGRAPHY, ''),
});
