import { defineOperator, type SelectorInstance } from '@dj-sandbox/core';
import { numpyPermutation } from '@dj-sandbox/numpy-random';
import { z } from 'zod';
import { opParams } from '../common/base-params.ts';
import type { SelectorRow } from './lib/ranking.ts';

const params = opParams({
  select_ratio: z.number().min(0).max(1).nullish().describe('Share of samples to draw.'),
  select_num: z.number().int().positive().nullish().describe('Number of samples to draw (caps select_ratio).'),
});

/**
 * Data-Juicer's `random_sample(ds, sample_number=n)` with seed 42: `n = 0` keeps everything (a quirk), `n = N`
 * keeps the original order, otherwise the first n of numpy's seed-42 permutation, repeated when n > N.
 */
export function randomSampleIndices(total: number, n: number, seed = 42): number[] {
  const count = n > 0 ? n : total;
  if (count === total) return Array.from({ length: total }, (_, i) => i);
  const perm = numpyPermutation(total, seed);
  // An index loop, not `push(...perm)`: spreading more than ~125k elements overflows the call stack.
  const out = new Array<number>(count);
  for (let i = 0; i < count; i++) out[i] = perm[i % total]!;
  return out;
}

/** `random_selector`: draws `select_num` (or `select_ratio` of) samples with Data-Juicer's seed-42 sampling. */
export const randomSelector = defineOperator<'selector', z.output<typeof params>>({
  name: 'random_selector',
  kind: 'selector',
  description:
    "Draws select_num (or a select_ratio share of) samples with Data-Juicer's seed-42 numpy permutation, bit-identical to Data-Juicer.",
  params,
  create(p): SelectorInstance {
    return {
      fields: [],
      select(rows: SelectorRow[]): number[] {
        const n = rows.length;
        if (n <= 1 || (!p.select_ratio && !p.select_num)) return rows.map((r) => r.index);
        let count = p.select_ratio ? Math.trunc(p.select_ratio * n) : p.select_num!;
        if (p.select_ratio && p.select_num && p.select_num < count) count = p.select_num;
        return randomSampleIndices(n, count).map((i) => rows[i]!.index);
      },
    };
  },
});
