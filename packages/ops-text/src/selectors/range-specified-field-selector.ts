import { defineOperator, type SelectorInstance } from '@dj-sandbox/core';
import { z } from 'zod';
import { opParams } from '../common/base-params.ts';
import { statsToNumber } from '../common/stats-to-number.ts';
import { nLargest, nSmallest, type SelectorRow } from './lib/ranking.ts';

const params = opParams({
  field_key: z.string().default('').describe("Dotted field to rank by, e.g. '__dj__stats__.lang_score'."),
  lower_percentile: z.number().min(0).max(1).nullish().describe('Lower bound as a share of the ascending ranks.'),
  upper_percentile: z.number().min(0).max(1).nullish().describe('Upper bound as a share of the ascending ranks.'),
  lower_rank: z
    .number()
    .int()
    .positive()
    .nullish()
    .describe('Lower bound as an ascending rank (raises the percentile).'),
  upper_rank: z
    .number()
    .int()
    .positive()
    .nullish()
    .describe('Upper bound as an ascending rank (lowers the percentile).'),
});

/**
 * `range_specified_field_selector`: keeps the samples whose ascending rank by a field lies in (lower, upper], output
 * from the largest value down.
 */
export const rangeSpecifiedFieldSelector = defineOperator<'selector', z.output<typeof params>>({
  name: 'range_specified_field_selector',
  kind: 'selector',
  description:
    'Keeps the samples ranked (lower, upper] by ascending field_key value (bounds by percentile and/or rank), in descending value order.',
  params,
  create(p): SelectorInstance {
    return {
      fields: p.field_key ? [p.field_key] : [],
      select(rows: SelectorRow[]): number[] {
        const n = rows.length;
        const noLower = p.lower_percentile == null && p.lower_rank == null;
        const noUpper = p.upper_percentile == null && p.upper_rank == null;
        if (n <= 1 || !p.field_key || noLower || noUpper) return rows.map((r) => r.index);
        let lo = p.lower_percentile != null ? Math.trunc(p.lower_percentile * n) : 0;
        if (p.lower_rank != null) lo = Math.max(lo, p.lower_rank);
        let hi = p.upper_percentile != null ? Math.trunc(p.upper_percentile * n) : n;
        if (p.upper_rank != null) hi = Math.min(hi, p.upper_rank);
        hi = Math.max(lo, hi);
        const keys = rows.map((r) => statsToNumber(r.values[0]));
        const smallest = nSmallest(
          rows.map((_, i) => i),
          keys,
          hi,
        );
        return nLargest(smallest, keys, hi - lo).map((i) => rows[i]!.index);
      },
    };
  },
});
