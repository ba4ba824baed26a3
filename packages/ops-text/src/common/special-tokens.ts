import { PY_WHITESPACE_ENDS } from './py-whitespace.ts';

/** Data-Juicer's special tokens inside text: media placeholders and the end-of-chunk marker. */
export const SPECIAL_TOKENS = ['<__dj__image>', '<__dj__audio>', '<__dj__video>', '<|__dj__eoc|>'] as const;

/** Python's `str.strip()` with no argument. */
export function pyStrip(text: string): string {
  return text.replace(PY_WHITESPACE_ENDS, '');
}

/** Data-Juicer's `remove_special_tokens`: deletes each special token, stripping the text after each one. */
export function removeSpecialTokens(text: string): string {
  let out = text;
  for (const token of SPECIAL_TOKENS) out = pyStrip(out.replaceAll(token, ''));
  return out;
}
