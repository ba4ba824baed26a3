import { PY_WHITESPACE_RUN } from './py-whitespace.ts';
import { type CodePointPredicate, isSpecialCodePoint } from './special-characters.ts';

/**
 * Data-Juicer's `split_on_whitespace(doc, new_line, tab)`: splits on the literal space (and `\n`, `\t` when asked)
 * and drops empty strings. `\r`, NBSP, U+3000 and other whitespace do NOT separate words.
 */
export function splitOnWhitespace(text: string, newLine = false, tab = false): string[] {
  const words: string[] = [];
  const n = text.length;
  let start = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || (newLine && c === 0x0a) || (tab && c === 0x09)) {
      if (i > start) words.push(text.slice(start, i));
      start = i + 1;
    }
  }
  if (start < n) words.push(text.slice(start));
  return words;
}

/** A function that cuts a document into words (a sentencepiece-like tokenizer); whitespace splitting when absent. */
export type WordTokenizer = (text: string) => string[];

/**
 * Data-Juicer's `get_words_from_document`: the tokenizer's pieces when one is given, else
 * `split_on_whitespace(text, new_line=True, tab=True)`. No lower-casing.
 */
export function getWordsFromDocument(text: string, tokenizer?: WordTokenizer): string[] {
  return tokenizer ? tokenizer(text) : splitOnWhitespace(text, true, true);
}

/**
 * Data-Juicer's `strip(word, chars)`: removes leading and trailing code points that belong to the set; inner ones
 * stay. The set defaults to `SPECIAL_CHARACTERS`.
 */
export function stripChars(word: string, inSet: CodePointPredicate = isSpecialCodePoint): string {
  let begin = 0;
  let end = word.length;
  while (begin < end) {
    const cp = word.codePointAt(begin)!;
    if (!inSet(cp)) break;
    begin += cp > 0xffff ? 2 : 1;
  }
  while (end > begin) {
    let cp = word.charCodeAt(end - 1);
    let width = 1;
    if (cp >= 0xdc00 && cp <= 0xdfff && end - 2 >= begin) {
      const hi = word.charCodeAt(end - 2);
      if (hi >= 0xd800 && hi <= 0xdbff) {
        cp = (hi - 0xd800) * 0x400 + (cp - 0xdc00) + 0x10000;
        width = 2;
      }
    }
    if (!inSet(cp)) break;
    end -= width;
  }
  return begin === 0 && end === word.length ? word : word.slice(begin, end);
}

/**
 * `len(words_refinement(split_on_whitespace(text, True, True), strip_chars=inSet))` without building the words: a
 * word counts when some code point of it is outside the set (stripping the set's code points from its ends leaves
 * something).
 */
export function countRefinedWords(text: string, inSet: CodePointPredicate = isSpecialCodePoint): number {
  let count = 0;
  let keeps = false;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x0a || c === 0x09) {
      if (keeps) count++;
      keeps = false;
      continue;
    }
    if (keeps) continue;
    let cp = c;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        cp = (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
        i++;
      }
    }
    if (!inSet(cp)) keeps = true;
  }
  return keeps ? count + 1 : count;
}

/** Options of {@link wordsRefinement}, named as in Data-Juicer. */
export interface WordsRefinementOptions {
  lowerCase?: boolean;
  /** Strip these code points from both ends of each word, then drop words that became empty. */
  stripChars?: CodePointPredicate | null;
  useWordsAug?: boolean;
  wordsAugGroupSizes?: readonly number[];
  wordsAugJoinChar?: string;
}

/**
 * Data-Juicer's `words_refinement`: lower-cases, strips and drops empty words, then (with `useWordsAug`) appends every
 * sliding-window join of each group size after the original words.
 */
export function wordsRefinement(words: string[], options: WordsRefinementOptions = {}): string[] {
  let out = options.lowerCase ? words.map((w) => w.toLowerCase()) : words.slice();
  const strip = options.stripChars;
  if (strip) {
    const kept: string[] = [];
    for (const w of out) {
      const s = stripChars(w, strip);
      if (s.length > 0) kept.push(s);
    }
    out = kept;
  }
  if (options.useWordsAug) {
    const join = options.wordsAugJoinChar ?? '';
    const base = out.length;
    for (const g of options.wordsAugGroupSizes ?? [2]) {
      for (let i = 0; i + g <= base; i++) out.push(out.slice(i, i + g).join(join));
    }
  }
  return out;
}

/** Python's `str.split()` with no argument: splits on runs of Unicode whitespace and drops empty ends. */
export function pySplitWhitespace(text: string): string[] {
  const parts = text.split(PY_WHITESPACE_RUN);
  if (parts.length > 0 && parts[0] === '') parts.shift();
  if (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  return parts;
}
