/**
 * Mojibake repair in the spirit of ftfy's `fix_encoding` (+ `decode_inconsistent_utf8`): runs of characters that are
 * the latin-1 / windows-1252 reading of a well-formed UTF-8 sequence (a lead byte 0xC2–0xF4 followed by the right
 * number of continuation bytes) are decoded back, repeatedly, so text mis-decoded several times is restored layer by
 * layer. ftfy's "badness" heuristics, `restore_byte_a0`, lossy-sequence and CESU-8 handling are not ported.
 */
import { CP1252_HIGH, charToByte } from './cp1252.ts';

const cont = `\\u0080-\\u00bf${CP1252_HIGH.replace(/[\u0080-\u009f]/g, '')}`;
/** One UTF-8 sequence of 2, 3 or 4 bytes as latin-1 / windows-1252 characters. */
const MOJIBAKE = new RegExp(
  `[\\u00c2-\\u00df][${cont}]|[\\u00e0-\\u00ef][${cont}]{2}|[\\u00f0-\\u00f4][${cont}]{3}`,
  'g',
);
const RUN = new RegExp(`(?:${MOJIBAKE.source})+`, 'g');
const decoder = new TextDecoder('utf-8', { fatal: true });
// biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range starts at NUL
const NON_ASCII = /[^\x00-\x7f]/;

function decodeRun(run: string): string {
  const bytes = new Uint8Array(run.length);
  for (let i = 0; i < run.length; i++) bytes[i] = charToByte(run.charCodeAt(i));
  try {
    return decoder.decode(bytes);
  } catch {
    // Some sequences in the run are not valid UTF-8 (e.g. overlong or surrogate): decode them one by one.
    return run.replace(MOJIBAKE, (seq) => {
      const b = new Uint8Array(seq.length);
      for (let i = 0; i < seq.length; i++) b[i] = charToByte(seq.charCodeAt(i));
      try {
        return decoder.decode(b);
      } catch {
        return seq;
      }
    });
  }
}

/** Repairs UTF-8 read as latin-1 / windows-1252, as many times as it was done. */
export function fixEncoding(text: string): string {
  for (;;) {
    if (!NON_ASCII.test(text)) return text;
    const fixed = text.replace(RUN, decodeRun);
    if (fixed === text) return text;
    text = fixed;
  }
}
