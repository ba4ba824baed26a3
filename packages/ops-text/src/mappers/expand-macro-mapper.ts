import { opParams } from '../common/base-params.ts';
import { defineTextMapper } from './internal/define-text-mapper.ts';
import { compilePyRegex } from './internal/py-regex.ts';

const NEWCOMMAND = compilePyRegex(
  String.raw`\\\bnewcommand\b\*?\{(\\[a-zA-Z0-9]+?)\}\{(.*?)\}$`,
  'expand_macro_mapper',
  {
    multiline: true,
  },
);
const DEF = compilePyRegex(String.raw`\\def\s*(\\[a-zA-Z0-9]+?)\s*\{(.*?)\}$`, 'expand_macro_mapper', {
  multiline: true,
});
const REGEX_SPECIAL = /[\\^$.*+?()[\]{}|/-]/g;

/**
 * Collects argument-less `\newcommand` then `\def` macros; a later definition of the same name replaces the value
 * but keeps the first position, as a Python dict does.
 */
function collectMacros(text: string): Map<string, string> {
  const macros = new Map<string, string>();
  for (const re of [NEWCOMMAND, DEF]) {
    for (const m of text.matchAll(re)) macros.set(m[1] as string, m[2] as string);
  }
  return macros;
}

/**
 * Expands argument-less LaTeX macros (docs/text-operators.md#mappers): every `<name>` followed by a
 * non-alphanumeric character becomes `<value>`; a macro at the very end of the text is left alone. Data-Juicer
 * raises on a value with non-ASCII or control characters (its `unicode-escape` step makes a bad replacement
 * template), which drops the whole batch; here such a value is expanded literally.
 */
export function expandMacros(text: string): string {
  for (const [name, value] of collectMacros(text)) {
    const re = new RegExp(`(${name.replace(REGEX_SPECIAL, '\\$&')})([^a-zA-Z0-9])`, 'g');
    text = text.replace(re, (_m, _name: string, next: string) => value + next);
  }
  return text;
}

/**
 * `expand_macro_mapper`: inline-expands argument-less `\newcommand` / `\def` macros in LaTeX
 * (docs/text-operators.md#mappers).
 */
export const expandMacroMapper = defineTextMapper({
  name: 'expand_macro_mapper',
  description: 'Expands argument-less \\newcommand and \\def macros in LaTeX documents.',
  params: opParams({}),
  transform: () => expandMacros,
});
