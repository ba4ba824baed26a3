/**
 * Python's `str.splitlines()`: splits on `\n`, `\r`, `\r\n`, `\v`, `\f`, 0x1C, 0x1D, 0x1E, U+0085, U+2028 and
 * U+2029; a trailing terminator does not create a final empty line and `""` gives `[]`.
 */
export function splitlines(text: string): string[] {
  const lines: string[] = [];
  const n = text.length;
  let start = 0;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isLineBreak(c)) {
      lines.push(text.slice(start, i));
      i += c === 0x0d && text.charCodeAt(i + 1) === 0x0a ? 2 : 1;
      start = i;
    } else {
      i++;
    }
  }
  if (start < n) lines.push(text.slice(start));
  return lines;
}

/** Whether a UTF-16 code unit is one of Python's `splitlines` terminators (all of them are in the BMP). */
export function isLineBreak(c: number): boolean {
  return (
    c === 0x0a ||
    c === 0x0d ||
    c === 0x0b ||
    c === 0x0c ||
    c === 0x1c ||
    c === 0x1d ||
    c === 0x1e ||
    c === 0x85 ||
    c === 0x2028 ||
    c === 0x2029
  );
}
