/**
 * Translates Python `re` / `regex` patterns (as Data-Juicer recipes and op defaults write them) into JavaScript
 * `RegExp`s with the same matching semantics for the features those patterns use: Unicode `\w \d \s \b`, Python's
 * `.` (everything but `\n`), `^`/`$` with and without MULTILINE (Python's `$` also matches before a final `\n`),
 * inline flags `(?i) (?s) (?m)`, named groups, literal `{`, and escapes of non-syntax characters (`\-`, `\…`, `\'`).
 * Candidate for `src/common/` (docs/text-operators.md#shared-helpers).
 */
import { configError } from '@dj-sandbox/core';

/** Python's Unicode word character (`str.isalnum()` or `_`). */
const WORD = '\\p{L}\\p{N}_';
/** Python's Unicode whitespace (`str.isspace()`), the meaning of `\s` in a str pattern. */
const SPACE = '\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const JS_SYNTAX = new Set([...'^$\\.*+?()[]{}|/']);
const QUANTIFIER_AT = /^\{\d+(,\d*)?\}|^\{,\d+\}/;

/** Python regex flags that change translation. */
export interface PyRegexFlags {
  ignoreCase?: boolean;
  dotAll?: boolean;
  multiline?: boolean;
}

/** Strips the `r'...'` / `r"..."` wrapper Data-Juicer tolerates around user patterns. */
export function stripRawStringWrapper(pattern: string): string {
  if (
    pattern.length > 2 &&
    ((pattern.startsWith("r'") && pattern.endsWith("'")) || (pattern.startsWith('r"') && pattern.endsWith('"')))
  ) {
    return pattern.slice(2, -1);
  }
  return pattern;
}

/** Returns the JavaScript source and flags equivalent to a Python pattern. */
export function translatePyRegex(pattern: string, flags: PyRegexFlags = {}): { source: string; flags: string } {
  let ignoreCase = flags.ignoreCase ?? false;
  let dotAll = flags.dotAll ?? false;
  let multiline = flags.multiline ?? false;
  let src = pattern;
  // Global inline flags such as `(?i)` or `(?ms)` (Python requires them at the start).
  for (;;) {
    const m = /^\(\?([aiLmsux]+)\)/.exec(src);
    if (!m) break;
    const f = m[1] ?? '';
    if (f.includes('i')) ignoreCase = true;
    if (f.includes('s')) dotAll = true;
    if (f.includes('m')) multiline = true;
    if (f.includes('x')) throw new Error('verbose (?x) patterns are not supported');
    src = src.slice(m[0].length);
  }
  let out = '';
  let inClass = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i] as string;
    if (c === '\\') {
      const n = src[i + 1];
      if (n === undefined) throw new Error('pattern ends with a lone backslash');
      i++;
      out += translateEscape(n, inClass, src, i, (skip) => {
        i += skip;
      });
      continue;
    }
    if (inClass) {
      if (c === ']' && !out.endsWith('[') && !out.endsWith('[^')) inClass = false;
      else if (c === '[') {
        out += '\\[';
        continue;
      }
      out += c;
      continue;
    }
    switch (c) {
      case '[':
        inClass = true;
        out += '[';
        if (src[i + 1] === '^') {
          out += '^';
          i++;
        }
        // A `]` right after `[` or `[^` is a literal in Python.
        if (src[i + 1] === ']') {
          out += '\\]';
          i++;
        }
        break;
      case '.':
        out += dotAll ? '[\\s\\S]' : '[^\\n]';
        break;
      case '^':
        out += multiline ? '(?<=^|\\n)' : '^';
        break;
      case '$':
        out += multiline ? '(?=\\n|$)' : '(?=\\n?$)';
        break;
      case '{': {
        const q = QUANTIFIER_AT.exec(src.slice(i));
        if (q) {
          // Python's `{,n}` means `{0,n}`.
          out += q[0].startsWith('{,') ? `{0${q[0].slice(1)}` : q[0];
          i += q[0].length - 1;
        } else {
          out += '\\{';
        }
        break;
      }
      case '}':
        out += '\\}';
        break;
      case '(':
        if (src.startsWith('(?P<', i)) {
          out += '(?<';
          i += 3;
        } else if (src.startsWith('(?P=', i)) {
          const end = src.indexOf(')', i);
          out += `\\k<${src.slice(i + 4, end)}>`;
          i = end;
        } else {
          out += '(';
        }
        break;
      default:
        out += c;
    }
  }
  return { source: out, flags: `u${ignoreCase ? 'i' : ''}` };
}

/** A Unicode property name of Python's `regex` module as JavaScript's `u` flag spells it. */
function unicodeProperty(name: string): string {
  const valid = (candidate: string) => {
    try {
      new RegExp(`\\p{${candidate}}`, 'u');
      return true;
    } catch {
      return false;
    }
  };
  const bare = name.replace(/^Is(?=[A-Z])/, '');
  for (const candidate of [name, `Script=${name}`, bare, `Script=${bare}`]) if (valid(candidate)) return candidate;
  throw new Error(`unknown Unicode property ${JSON.stringify(name)}`);
}

function translateEscape(n: string, inClass: boolean, src: string, at: number, advance: (n: number) => void): string {
  switch (n) {
    case 'w':
      return inClass ? WORD : `[${WORD}]`;
    case 'W':
      if (inClass) throw new Error('\\W inside a character class is not supported');
      return `[^${WORD}]`;
    case 'd':
      return '\\p{Nd}';
    case 'D':
      return '\\P{Nd}';
    case 's':
      return inClass ? SPACE : `[${SPACE}]`;
    case 'S':
      if (inClass) throw new Error('\\S inside a character class is not supported');
      return `[^${SPACE}]`;
    case 'b':
      return inClass ? '\\x08' : `(?:(?<=[${WORD}])(?![${WORD}])|(?<![${WORD}])(?=[${WORD}]))`;
    case 'B':
      return `(?:(?<=[${WORD}])(?=[${WORD}])|(?<![${WORD}])(?![${WORD}]))`;
    case 'A':
      return '^';
    case 'Z':
      return '$';
    case 'U': {
      const hex = src.slice(at + 1, at + 9);
      advance(8);
      return `\\u{${hex.replace(/^0+/, '') || '0'}}`;
    }
    case 'x':
    case 'u':
    case 'n':
    case 't':
    case 'r':
    case 'f':
    case 'v':
      return `\\${n}`;
    case 'p':
    case 'P': {
      // Python's `regex` module: `\p{P}`, `\pL`, `\p{Script=Han}`, `\p{Han}` (a script without its prefix)
      let name: string;
      if (src[at + 1] === '{') {
        const close = src.indexOf('}', at + 2);
        if (close < 0) throw new Error(`missing } in \\${n}{`);
        name = src.slice(at + 2, close);
        advance(close - at);
      } else {
        name = src[at + 1] ?? '';
        advance(1);
      }
      return `\\${n}{${unicodeProperty(name)}}`;
    }
    case 'a':
      return '\\x07';
    default:
      if (/[0-9]/.test(n)) return `\\${n}`;
      if (/[A-Za-z]/.test(n)) throw new Error(`bad escape \\${n}`);
      if (JS_SYNTAX.has(n) || (inClass && n === '-')) return `\\${n}`;
      return n;
  }
}

/**
 * Compiles a Python pattern into a global JavaScript RegExp, or throws a config error naming the op parameter.
 * @param path config path for the error, e.g. `clean_email_mapper.pattern`
 */
export function compilePyRegex(pattern: string, path: string, flags: PyRegexFlags = {}): RegExp {
  try {
    const t = translatePyRegex(pattern, flags);
    return new RegExp(t.source, `g${t.flags}`);
  } catch (cause) {
    throw configError('invalid-regex', `${path} is not a regular expression this port can run`, {
      path,
      expected: 'a Python regular expression (re/regex syntax without verbose mode)',
      received: pattern,
      fix: `rewrite the pattern; the translator said: ${(cause as Error).message}`,
    });
  }
}

type TemplatePart = string | number;

/**
 * Parses a Python `re.sub` replacement template (`\1`, `\g<1>`, `\g<name>`, `\n`, `\\`) into a function usable
 * with `String.prototype.replace`.
 */
export function pyReplacement(template: string): (match: string, ...args: unknown[]) => string {
  if (!template.includes('\\')) return () => template;
  const parts: TemplatePart[] = [];
  let lit = '';
  for (let i = 0; i < template.length; i++) {
    const c = template[i] as string;
    if (c !== '\\') {
      lit += c;
      continue;
    }
    const n = template[i + 1];
    i++;
    if (n === undefined) {
      lit += '\\';
    } else if (/[0-9]/.test(n)) {
      let num = n;
      if (/[0-9]/.test(template[i + 1] ?? '')) num += template[++i];
      parts.push(lit, Number(num));
      lit = '';
    } else if (n === 'g' && template[i + 1] === '<') {
      const end = template.indexOf('>', i);
      const ref = template.slice(i + 2, end);
      i = end;
      parts.push(lit, /^\d+$/.test(ref) ? Number(ref) : ref);
      lit = '';
    } else {
      const esc: Record<string, string> = {
        n: '\n',
        t: '\t',
        r: '\r',
        f: '\f',
        v: '\v',
        a: '\x07',
        b: '\b',
        '\\': '\\',
      };
      lit += esc[n] ?? `\\${n}`;
    }
  }
  parts.push(lit);
  return (match: string, ...args: unknown[]) => {
    let out = '';
    for (let k = 0; k < parts.length; k++) {
      const p = parts[k];
      if (k % 2 === 0) {
        out += p as string;
      } else if (typeof p === 'number') {
        out += p === 0 ? match : ((args[p - 1] as string | undefined) ?? '');
      } else {
        const groups = args[args.length - 1] as Record<string, string | undefined> | undefined;
        out += groups?.[p as string] ?? '';
      }
    }
    return out;
  };
}
