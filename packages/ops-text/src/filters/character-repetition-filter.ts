import { z } from 'zod';
import { bound, filterParams, RATIO } from '../common/base-params.ts';
import { defineStatFilter } from './lib/define-stat-filter.ts';
import { ngramCounts } from './lib/ngram-counts.ts';

let histogram = new Int32Array(1024);

/**
 * Data-Juicer's `char_rep_ratio`: over all code-point n-grams, the share of n-gram occurrences taken by the
 * `min(floor(sqrt(D)), D - S)` most frequent ones (D distinct n-grams, S of them seen once).
 */
export function charRepetitionRatio(text: string, n: number): number {
  const freq = ngramCounts(text, n);
  const distinct = freq.length;
  if (distinct === 0) return 0;
  // The sum of the k largest counts from a histogram of the counts (no sort): counts are at most the n-gram total.
  let once = 0;
  let total = 0;
  let most = 0;
  for (let i = 0; i < distinct; i++) {
    const f = freq[i]!;
    total += f;
    if (f === 1) once++;
    if (f > most) most = f;
  }
  const k = Math.min(Math.floor(Math.sqrt(distinct)), distinct - once);
  if (k <= 0) return 0;
  if (histogram.length <= most) histogram = new Int32Array((most + 1) * 2);
  histogram.fill(0, 0, most + 1);
  for (let i = 0; i < distinct; i++) histogram[freq[i]!]!++;
  let top = 0;
  let left = k;
  for (let f = most; f > 0 && left > 0; f--) {
    const take = Math.min(histogram[f]!, left);
    top += take * f;
    left -= take;
  }
  return top / total;
}

/** `character_repetition_filter`: keeps samples whose character n-gram repetition ratio is in range. */
export const characterRepetitionFilter = defineStatFilter({
  name: 'character_repetition_filter',
  description:
    'Keeps samples whose character n-gram repetition ratio (share of the most frequent rep_len-grams) is within [min_ratio, max_ratio].',
  params: filterParams({
    rep_len: z.number().int().positive().default(10).describe('Length of the character n-grams.'),
    min_ratio: bound(0.0, 'Minimum repetition ratio.', RATIO),
    max_ratio: bound(0.5, 'Maximum repetition ratio.', RATIO),
  }),
  statKey: () => 'char_rep_ratio',
  bounds: (p) => [p.min_ratio, p.max_ratio],
  prepare: (p) => (text) => charRepetitionRatio(text, p.rep_len),
});
