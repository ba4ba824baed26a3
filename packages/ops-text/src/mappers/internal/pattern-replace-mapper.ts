import { z } from 'zod';
import { opParams } from '../../common/base-params.ts';
import { defineTextMapper } from './define-text-mapper.ts';
import { compilePyRegex, pyReplacement, stripRawStringWrapper } from './py-regex.ts';

/** Parameters of the `clean_*_mapper` family: a Python pattern (null = the op's default) and a replacement. */
export const patternReplaceParams = opParams({
  pattern: z.string().nullable().default(null),
  repl: z.string().default(''),
});

/** Parsed parameters of the `clean_*_mapper` family. */
export type PatternReplaceParams = z.output<typeof patternReplaceParams>;

/**
 * Defines a mapper that replaces every match of a Python pattern (DOTALL, as Data-Juicer passes `flags=re.DOTALL`)
 * with `repl`; a user pattern written as `r'...'` has the wrapper stripped, as Data-Juicer does.
 */
export function definePatternReplaceMapper(name: string, description: string, defaultPattern: string) {
  return defineTextMapper<PatternReplaceParams>({
    name,
    description,
    params: patternReplaceParams,
    transform(params) {
      const source = params.pattern === null ? defaultPattern : stripRawStringWrapper(params.pattern);
      const re = compilePyRegex(source, `${name}.pattern`, { dotAll: true });
      const repl = pyReplacement(params.repl);
      return (text) => text.replace(re, repl);
    },
  });
}
