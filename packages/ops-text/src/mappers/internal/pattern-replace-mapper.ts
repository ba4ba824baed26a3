import { z } from 'zod';
import { opParams } from '../../common/base-params.ts';
import { defineTextMapper } from './define-text-mapper.ts';
import { compilePyRegex, pyReplacement, stripRawStringWrapper } from './py-regex.ts';
import { isPyWhitespace } from './py-text.ts';

/** Parameters of the `clean_*_mapper` family: a Python pattern (null = the op's default) and a replacement. */
export const patternReplaceParams = opParams({
  pattern: z.string().nullable().default(null),
  repl: z.string().default(''),
});

/** Parsed parameters of the `clean_*_mapper` family. */
export type PatternReplaceParams = z.output<typeof patternReplaceParams>;

/**
 * `text.replace(re, repl)` for a pattern whose matches contain a hit of `hits` and no Python whitespace: each run of
 * non-whitespace around a hit is replaced on its own. The same result, since no match crosses whitespace and the
 * character before a run (whitespace, or none) looks the same to the pattern's leading `\b`.
 */
export function replaceAroundHits(
  text: string,
  hits: RegExp,
  re: RegExp,
  repl: (match: string, ...args: unknown[]) => string,
): string {
  let out = '';
  let done = 0;
  hits.lastIndex = 0;
  for (let hit = hits.exec(text); hit !== null; hit = hits.exec(text)) {
    let start = hit.index;
    while (start > done && !isPyWhitespace(text.charCodeAt(start - 1))) start--;
    let end = hit.index + hit[0].length;
    while (end < text.length && !isPyWhitespace(text.charCodeAt(end))) end++;
    out += text.slice(done, start) + text.slice(start, end).replace(re, repl);
    done = end;
    hits.lastIndex = end;
  }
  return done === 0 ? text : out + text.slice(done);
}

/**
 * Defines a mapper that replaces every match of a Python pattern (DOTALL, as Data-Juicer passes `flags=re.DOTALL`)
 * with `repl`; a user pattern written as `r'...'` has the wrapper stripped, as Data-Juicer does.
 * `defaultMustContain`: a global expression for something every match of the default pattern contains (`@` for
 * e-mail addresses), when those matches also never contain whitespace: only the whitespace-delimited runs around
 * its hits are searched, so most texts skip the full scan. It is never applied to a user's pattern.
 */
export function definePatternReplaceMapper(
  name: string,
  description: string,
  defaultPattern: string,
  defaultMustContain?: RegExp,
) {
  return defineTextMapper<PatternReplaceParams>({
    name,
    description,
    params: patternReplaceParams,
    transform(params) {
      const source = params.pattern === null ? defaultPattern : stripRawStringWrapper(params.pattern);
      const re = compilePyRegex(source, `${name}.pattern`, { dotAll: true });
      const repl = pyReplacement(params.repl);
      const mustContain = params.pattern === null ? defaultMustContain : undefined;
      if (mustContain) return (text) => replaceAroundHits(text, mustContain, re, repl);
      return (text) => text.replace(re, repl);
    },
  });
}
