import { z } from 'zod';
import { bound, filterParams, RATIO } from '../common/base-params.ts';
import { codePointOffsets, isBmpOnly } from '../common/code-points.ts';
import { defineStatFilter } from './lib/define-stat-filter.ts';

/**
 * Data-Juicer's `char_rep_ratio`: over all code-point n-grams, the share of n-gram occurrences taken by the
 * `min(floor(sqrt(D)), D - S)` most frequent ones (D distinct n-grams, S of them seen once).
 */
export function charRepetitionRatio(text: string, n: number): number {
  const counts = new Map<string, number>();
  if (isBmpOnly(text)) {
    for (let i = 0; i + n <= text.length; i++) {
      const gram = text.slice(i, i + n);
      counts.set(gram, (counts.get(gram) ?? 0) + 1);
    }
  } else {
    const at = codePointOffsets(text);
    const len = at.length - 1;
    for (let i = 0; i + n <= len; i++) {
      const gram = text.slice(at[i], at[i + n]);
      counts.set(gram, (counts.get(gram) ?? 0) + 1);
    }
  }
  if (counts.size === 0) return 0;
  const freq = Array.from(counts.values()).sort((a, b) => b - a);
  let once = 0;
  let total = 0;
  for (const f of freq) {
    total += f;
    if (f === 1) once++;
  }
  const k = Math.min(Math.floor(Math.sqrt(freq.length)), freq.length - once);
  let top = 0;
  for (let i = 0; i < k; i++) top += freq[i]!;
  return total === 0 ? 0 : top / total;
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
