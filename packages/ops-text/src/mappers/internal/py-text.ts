import { splitOnWhitespace } from '../../common/words.ts';

/**
 * Python `str` behaviours the text mappers depend on (docs/text-operators.md#shared-helpers). Candidates for
 * `src/common/`.
 */

/** Python's `str.isspace()` set, as a character class body (differs from JS `trim()`: has 0x1C-0x1F, 0x85; no U+FEFF). */
export const PY_WHITESPACE_CLASS =
  '\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';

/** Whether a UTF-16 code unit is Python whitespace (`str.isspace()`; all such code points are in the BMP). */
export function isPyWhitespace(c: number): boolean {
  return (
    (c >= 0x09 && c <= 0x0d) ||
    (c >= 0x1c && c <= 0x20) ||
    c === 0x85 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

/** Python `str.strip()` with no argument (a scan from both ends; a trailing-whitespace regex is quadratic). */
export function pyStrip(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isPyWhitespace(text.charCodeAt(start))) start++;
  while (end > start && isPyWhitespace(text.charCodeAt(end - 1))) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

/** Data-Juicer's `split_on_newline_tab_whitespace`: lines (`\n`) → tab fields → space-separated words. */
export function splitOnNewlineTabWhitespace(text: string): string[][][] {
  return text.split('\n').map((line) => line.split('\t').map((field) => splitOnWhitespace(field)));
}

/**
 * Data-Juicer's `merge_on_whitespace_tab_newline`: words joined by `' '`, empty fields dropped, fields joined by
 * `'\t'`, empty lines dropped, lines joined by `'\n'`.
 */
export function mergeOnWhitespaceTabNewline(lines: string[][][]): string {
  const out: string[] = [];
  for (const line of lines) {
    const fields: string[] = [];
    for (const words of line) if (words.length > 0) fields.push(words.join(' '));
    if (fields.length > 0) out.push(fields.join('\t'));
  }
  return out.join('\n');
}
