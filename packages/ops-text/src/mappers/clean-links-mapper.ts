import { definePatternReplaceMapper } from './internal/pattern-replace-mapper.ts';

/** Data-Juicer's default link pattern, verbatim (Python syntax; translated at compile time). */
export const DEFAULT_LINKS_PATTERN =
  '(?i)\\b(' +
  '(?:[a-z][\\w-]+:(?:\\/{1,3}|' +
  '[a-z0-9%])|www\\d{0,3}[.]|' +
  '[a-z0-9.\\-]+[.][a-z]{2,4}\\/)' +
  '(?:[^\\s()<>]+|\\(([^\\s()<>]+|' +
  '(\\([^\\s()<>]+\\)))*\\))' +
  '+(?:\\(([^\\s()<>]+|(\\([^\\s()<>]+\\)))*\\)|' +
  '[^\\s`!()\\[\\]{};:\\\'\\".,<>?«»“”‘’])' +
  ')';

/** `clean_links_mapper`: removes (or replaces with `repl`) URLs and web links (docs/text-operators.md#mappers). */
export const cleanLinksMapper = definePatternReplaceMapper(
  'clean_links_mapper',
  'Removes or replaces URLs and other web links in the text.',
  DEFAULT_LINKS_PATTERN,
  // Each alternative of the pattern's first group needs a ':' (scheme), 'www' (any case) or a '/' (domain path);
  // no part of a link matches whitespace.
  /[:/]|www/gi,
);
