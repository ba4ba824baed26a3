/**
 * Python's `str.isspace()` characters as a regex class body: unlike JS `\s` it has the separators 0x1C-0x1F and
 * lacks U+FEFF.
 */
export const PY_WHITESPACE_CLASS =
  '\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';

/** Runs of Python whitespace. */
export const PY_WHITESPACE_RUN = new RegExp(`[${PY_WHITESPACE_CLASS}]+`);

/** Python whitespace at either end of a string (global, for `replace`). */
export const PY_WHITESPACE_ENDS = new RegExp(`^[${PY_WHITESPACE_CLASS}]+|[${PY_WHITESPACE_CLASS}]+$`, 'g');
