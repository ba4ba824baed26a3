/**
 * Python `len(str)`: the number of Unicode code points, counting a surrogate pair once (JS `.length` counts UTF-16
 * code units).
 */
export function codePointLength(text: string): number {
  const n = text.length;
  let count = n;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    // A high surrogate followed by a low one is one code point; lone surrogates count as one each, as in Python.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        count--;
        i++;
      }
    }
  }
  return count;
}

/** Whether the string is free of surrogate pairs, so that UTF-16 indices are code-point indices. */
export function isBmpOnly(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) return false;
  }
  return true;
}

/**
 * UTF-16 offsets of every code point of `text`, plus `text.length` at the end, so that Python's `text[i:j]` is
 * `text.slice(offsets[i], offsets[j])`.
 */
export function codePointOffsets(text: string): Uint32Array {
  const offsets = new Uint32Array(codePointLength(text) + 1);
  let k = 0;
  for (let i = 0; i < text.length; i++) {
    offsets[k++] = i;
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
  }
  offsets[k] = text.length;
  return offsets;
}
