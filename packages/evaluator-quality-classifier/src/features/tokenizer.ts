// Java's \s is ASCII-only: [ \t\n\x0B\f\r]; JavaScript's \s also matches Unicode spaces, so it is spelled out.
const JAVA_WHITESPACE = /[ \t\n\v\f\r]/;

/**
 * Spark ML's standard `Tokenizer`: lower-case, then Java `split("\\s")`. Each single whitespace character splits,
 * so consecutive spaces give empty tokens; trailing empty tokens are dropped, a leading one is kept, and text with
 * no whitespace at all is one token (the empty text is `[""]`).
 */
export function sparkTokenize(text: string): string[] {
  const parts = text.toLowerCase().split(JAVA_WHITESPACE);
  if (parts.length === 1) return parts;
  let end = parts.length;
  while (end > 0 && parts[end - 1] === '') end--;
  return parts.slice(0, end);
}
