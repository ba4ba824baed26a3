/**
 * Counting the code-point n-grams of a text without a string per n-gram: a rolling polynomial hash over the code
 * points, an open-addressing table of distinct n-grams in typed arrays (reused across calls), and every hash match
 * checked against the code points themselves, so the counts are exact whatever the hash collisions.
 */

const BASE = 0x01000193;

let codes = new Int32Array(4096);
let slots = new Int32Array(8192);
// Per distinct n-gram, side by side (one cache line): first position, hash, count.
let records = new Int32Array(3 * 4096);
let counts = new Int32Array(4096);

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** The code points of `text` into the shared buffer (a surrogate pair is one; a lone surrogate counts as itself). */
function toCodePoints(text: string): number {
  if (codes.length < text.length) codes = new Int32Array(text.length * 2);
  let k = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        codes[k++] = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
        i++;
        continue;
      }
    }
    codes[k++] = c;
  }
  return k;
}

/**
 * The occurrence count of every distinct code-point n-gram of `text`, in order of first occurrence. The returned
 * array is a view of a buffer the next call overwrites: read (or sort) it before counting again.
 */
export function ngramCounts(text: string, n: number): Int32Array {
  const len = toCodePoints(text);
  const grams = len - n + 1;
  if (n <= 0 || grams <= 0) return counts.subarray(0, 0);
  if (counts.length < grams) {
    records = new Int32Array(grams * 6);
    counts = new Int32Array(grams * 2);
  }
  let size = 16;
  while (size < grams * 2) size *= 2;
  if (slots.length < size) slots = new Int32Array(size);
  // Locals, not the module bindings, in the hot loop.
  const cps = codes;
  const table = slots;
  const record = records;
  table.fill(0, 0, size);
  const mask = size - 1;
  let top = 1;
  for (let j = 1; j < n; j++) top = Math.imul(top, BASE);
  let h = 0;
  for (let j = 0; j < n; j++) h = (Math.imul(h, BASE) + cps[j]!) | 0;
  let distinct = 0;
  for (let i = 0; i < grams; i++) {
    if (i > 0) h = (Math.imul((h - Math.imul(cps[i - 1]!, top)) | 0, BASE) + cps[i + n - 1]!) | 0;
    let at = fmix32(h) & mask;
    while (true) {
      const s = table[at]!;
      if (s === 0) {
        table[at] = distinct + 1;
        const r = distinct * 3;
        record[r] = i;
        record[r + 1] = h;
        record[r + 2] = 1;
        distinct++;
        break;
      }
      const r = (s - 1) * 3;
      if (record[r + 1] === h) {
        const a = record[r]!;
        let j = 0;
        while (j < n && cps[a + j] === cps[i + j]) j++;
        if (j === n) {
          record[r + 2]!++;
          break;
        }
      }
      at = (at + 1) & mask;
    }
  }
  const out = counts;
  for (let d = 0; d < distinct; d++) out[d] = record[d * 3 + 2]!;
  return out.subarray(0, distinct);
}
