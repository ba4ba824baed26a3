/**
 * "sloppy-windows-1252" as ftfy defines it: windows-1252, with the five bytes it leaves undefined (0x81, 0x8D,
 * 0x8F, 0x90, 0x9D) decoding to the C1 control of the same value, as latin-1 does.
 */

/** Characters windows-1252 puts at bytes 0x80–0x9F (undefined bytes keep their C1 code point). */
export const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** Byte for a character under latin-1 ∪ sloppy-windows-1252, or -1 when neither can encode it. */
export function charToByte(code: number): number {
  if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) return code;
  if (code >= 0x80 && code <= 0x9f) return code;
  const i = CP1252_HIGH.indexOf(String.fromCharCode(code));
  return i === -1 ? -1 : 0x80 + i;
}

/** The windows-1252 reading of a C1 control character (ftfy's `fix_c1_controls`). */
export function c1ToCp1252(c: string): string {
  return CP1252_HIGH[c.charCodeAt(0) - 0x80] ?? c;
}
