/**
 * Data-Juicer's shingling for the MinHash and SimHash deduplicators (docs/text-operators.md#minhash-lsh), over UTF-8 bytes:
 * - `space`: tokens = the text split on single spaces (empties dropped); shingle = `" ".join(tokens[i:i+w])`;
 * - `punctuation`: tokens = the text split on each `\p{P}` character (empties kept); same join;
 * - `character`: shingle = `text[i:i+w]` in code points.
 * A text with fewer than `w` tokens has no shingle. Each shingle is handed to a visitor as a byte range of a reused
 * buffer, so nothing is allocated per shingle: a range of {@link Shingler.encodedText} (the text's UTF-8 bytes,
 * unchanged until the next `forEach`) or, for a shingle whose tokens are not separated by exactly one space in the
 * text and for every punctuation shingle, of a scratch buffer that the next shingle overwrites.
 */

/** The tokenizations the port supports (Data-Juicer's `sentencepiece` needs a model file and is rejected). */
export type Tokenization = 'space' | 'punctuation' | 'character';

/** Receives one shingle as `bytes[start, end)`. */
export type ShingleVisitor = (bytes: Uint8Array, start: number, end: number) => void;

const encoder = new TextEncoder();
const PUNCTUATION = /\p{P}/u;

/** Reusable buffers for one thread's shingling. */
export class Shingler {
  private text = new Uint8Array(1 << 16);
  private scratch = new Uint8Array(1 << 12);
  private starts = new Int32Array(1 << 12);
  private ends = new Int32Array(1 << 12);

  /**
   * @param tokenization how the text is cut into tokens
   * @param window tokens (code points for `character`) per shingle
   */
  constructor(
    readonly tokenization: Tokenization,
    readonly window: number,
  ) {}

  /** The buffer holding the UTF-8 bytes of the text being shingled; its ranges stay valid until the next `forEach`. */
  get encodedText(): Uint8Array {
    return this.text;
  }

  /** Calls `visit` for every shingle of `text`, in order (duplicates included); returns the shingle count. */
  forEach(text: string, visit: ShingleVisitor): number {
    if (this.tokenization === 'punctuation') return this.punctuation(text, visit);
    const len = this.encode(text);
    return this.tokenization === 'space' ? this.space(len, visit) : this.character(len, visit);
  }

  private encode(text: string): number {
    if (this.text.length < text.length * 3) this.text = new Uint8Array(text.length * 3 + 16);
    return encoder.encodeInto(text, this.text).written;
  }

  /** Makes room for `n` tokens, keeping the ones already recorded (growth happens in the middle of a text). */
  private growTokens(n: number): void {
    if (this.starts.length >= n) return;
    const size = Math.max(n, this.starts.length * 2);
    const starts = new Int32Array(size);
    const ends = new Int32Array(size);
    starts.set(this.starts);
    ends.set(this.ends);
    this.starts = starts;
    this.ends = ends;
  }

  private space(len: number, visit: ShingleVisitor): number {
    const t = this.text;
    let count = 0;
    let start = 0;
    for (let i = 0; i <= len; i++) {
      if (i === len || t[i] === 0x20) {
        if (i > start) {
          this.growTokens(count + 1);
          this.starts[count] = start;
          this.ends[count] = i;
          count++;
        }
        start = i + 1;
      }
    }
    return this.joinTokens(t, count, visit);
  }

  private punctuation(text: string, visit: ShingleVisitor): number {
    const tokens = text.split(PUNCTUATION_GLOBAL);
    const w = this.window;
    let n = 0;
    for (let i = 0; i + w <= tokens.length; i++) {
      const shingle = tokens.slice(i, i + w).join(' ');
      if (this.scratch.length < shingle.length * 3) this.scratch = new Uint8Array(shingle.length * 3 + 16);
      visit(this.scratch, 0, encoder.encodeInto(shingle, this.scratch).written);
      n++;
    }
    return n;
  }

  private character(len: number, visit: ShingleVisitor): number {
    const t = this.text;
    this.growTokens(len + 1);
    const offsets = this.starts;
    let cps = 0;
    for (let i = 0; i < len; i++) if (((t[i] as number) & 0xc0) !== 0x80) offsets[cps++] = i;
    offsets[cps] = len;
    const w = this.window;
    let n = 0;
    for (let i = 0; i + w <= cps; i++) {
      visit(t, offsets[i] as number, offsets[i + w] as number);
      n++;
    }
    return n;
  }

  /** Visits `" ".join(tokens[i:i+w])` for each window, reading token byte ranges from `starts`/`ends`. */
  private joinTokens(src: Uint8Array, count: number, visit: ShingleVisitor): number {
    const w = this.window;
    const starts = this.starts;
    const ends = this.ends;
    let n = 0;
    for (let i = 0; i + w <= count; i++) {
      const first = starts[i] as number;
      const last = ends[i + w - 1] as number;
      let contiguous = true;
      for (let k = i; k < i + w - 1; k++) {
        if ((starts[k + 1] as number) !== (ends[k] as number) + 1) {
          contiguous = false;
          break;
        }
      }
      if (contiguous) {
        visit(src, first, last);
      } else {
        let size = 0;
        for (let k = i; k < i + w; k++) size += (ends[k] as number) - (starts[k] as number) + 1;
        if (this.scratch.length < size) this.scratch = new Uint8Array(size * 2);
        const s = this.scratch;
        let p = 0;
        for (let k = i; k < i + w; k++) {
          if (k > i) s[p++] = 0x20;
          s.set(src.subarray(starts[k] as number, ends[k] as number), p);
          p += (ends[k] as number) - (starts[k] as number);
        }
        visit(s, 0, p);
      }
      n++;
    }
    return n;
  }
}

const PUNCTUATION_GLOBAL = new RegExp(PUNCTUATION.source, 'gu');
