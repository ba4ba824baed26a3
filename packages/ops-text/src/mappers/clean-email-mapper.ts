import { definePatternReplaceMapper } from './internal/pattern-replace-mapper.ts';

/** Data-Juicer's default e-mail pattern (the domain must be lower-case). */
export const DEFAULT_EMAIL_PATTERN = '[A-Za-z0-9.\\-+_]+@[a-z0-9.\\-+_]+\\.[a-z]+';

/** `clean_email_mapper`: removes (or replaces with `repl`) e-mail addresses (docs/text-operators.md#mappers). */
export const cleanEmailMapper = definePatternReplaceMapper(
  'clean_email_mapper',
  'Removes or replaces e-mail addresses in the text.',
  DEFAULT_EMAIL_PATTERN,
  // Addresses hold an @ and no whitespace.
  /@/g,
);
