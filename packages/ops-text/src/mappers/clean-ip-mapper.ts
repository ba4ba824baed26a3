import { definePatternReplaceMapper } from './internal/pattern-replace-mapper.ts';

/** Data-Juicer's default IPv4-or-full-IPv6 pattern, verbatim. */
export const DEFAULT_IP_PATTERN =
  '(?:(?:1[0-9][0-9]\\.)|(?:2[0-4][0-9]\\.)|' +
  '(?:25[0-5]\\.)|(?:[1-9][0-9]\\.)|(?:[0-9]\\.))' +
  '{3}(?:(?:1[0-9][0-9])|(?:2[0-4][0-9])|' +
  '(?:25[0-5])|(?:[1-9][0-9])|(?:[0-9]))|' +
  '([\\da-fA-F]{1,4}:){7}[\\da-fA-F]{1,4}';

/** `clean_ip_mapper`: removes (or replaces with `repl`) IPv4 and IPv6 addresses (docs/text-operators.md#mappers). */
export const cleanIpMapper = definePatternReplaceMapper(
  'clean_ip_mapper',
  'Removes or replaces IPv4 and IPv6 addresses in the text.',
  DEFAULT_IP_PATTERN,
);
