/**
 * Counting the code points of a text that belong to a Unicode class (e.g. letters and numbers) without building a
 * filtered copy: membership is read from a per-code-point table filled lazily from the class's regular expression,
 * so the answer is exactly what the expression says for each code point.
 */
export class CodePointClass {
  // 0: not decided yet, 1: in the class, 2: not in it.
  private readonly bmp = new Uint8Array(0x10000);
  private readonly astral = new Map<number, boolean>();
  private readonly single: RegExp;

  /** `classBody`: a character class body in `u`-mode syntax, e.g. `\p{L}\p{N}`. */
  constructor(classBody: string) {
    this.single = new RegExp(`^[${classBody}]$`, 'u');
    for (let c = 0; c < 0x80; c++) this.bmp[c] = this.single.test(String.fromCharCode(c)) ? 1 : 2;
  }

  /** Whether the code point is in the class (a lone surrogate is a code point of its own, never in a class). */
  has(cp: number): boolean {
    if (cp < 0x10000) {
      let known = this.bmp[cp]!;
      if (known === 0) {
        known = cp >= 0xd800 && cp <= 0xdfff ? 2 : this.single.test(String.fromCharCode(cp)) ? 1 : 2;
        this.bmp[cp] = known;
      }
      return known === 1;
    }
    let known = this.astral.get(cp);
    if (known === undefined) {
      known = this.single.test(String.fromCodePoint(cp));
      this.astral.set(cp, known);
    }
    return known;
  }

  /** How many code points of `text` are in the class. */
  count(text: string): number {
    const bmp = this.bmp;
    let n = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x80) {
        if (bmp[c] === 1) n++;
        continue;
      }
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          if (this.has(((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000)) n++;
          i++;
          continue;
        }
      }
      if (this.has(c)) n++;
    }
    return n;
  }
}
