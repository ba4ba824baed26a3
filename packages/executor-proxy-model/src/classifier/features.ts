/** How text becomes hashed features (fastText's options). */
export interface FeatureOptions {
  /** Number of hash buckets (rows of the embedding table). */
  buckets: number;
  /** Word n-grams up to this length (1: words only, 2: words and bigrams). */
  wordNgrams: number;
  /** Character n-gram lengths of `<word>`; `minn = 0` turns them off. */
  minn: number;
  maxn: number;
  /** Only the first this many words are used. */
  maxWords: number;
}

/** 32-bit FNV-1a of a string's UTF-16 code units, offset by a seed so that feature kinds do not collide. */
function fnv1a(text: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?|[^\s\p{L}\p{N}]/gu;

/**
 * The hashed features of a text, as fastText builds them: every lower-cased word, the word n-grams up to
 * `wordNgrams`, and the character n-grams of `<word>` (lengths `minn`..`maxn`), each hashed into `buckets`.
 * Punctuation marks count as words (`$`, `!` carry signal in spam).
 */
export function textFeatures(text: string, options: FeatureOptions): Int32Array {
  const words = (text.toLowerCase().match(WORD) ?? []).slice(0, options.maxWords);
  const out: number[] = [];
  const { buckets } = options;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    out.push(fnv1a(w, 1) % buckets);
    let gram = w;
    for (let n = 2; n <= options.wordNgrams && i + n - 1 < words.length; n++) {
      gram += ` ${words[i + n - 1]!}`;
      out.push(fnv1a(gram, n) % buckets);
    }
    if (options.minn > 0 && w.length > 1) {
      const padded = `<${w}>`;
      for (let n = options.minn; n <= options.maxn; n++) {
        for (let s = 0; s + n <= padded.length; s++) {
          // The whole `<word>` is already the word feature.
          if (n === padded.length) continue;
          out.push(fnv1a(padded.slice(s, s + n), 97) % buckets);
        }
      }
    }
  }
  return Int32Array.from(out);
}
