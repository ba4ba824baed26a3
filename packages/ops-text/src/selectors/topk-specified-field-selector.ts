import { defineOperator, type SelectorInstance } from '@dj-sandbox/core';
import { z } from 'zod';
import { opParams } from '../common/base-params.ts';
import { statsToNumber } from '../common/stats-to-number.ts';
import { nLargest, nSmallest, rawSortKeys, type SelectorRow } from './lib/ranking.ts';

const params = opParams({
  field_key: z.string().default('').describe("Dotted field to rank by, e.g. '__dj__stats__.text_len'."),
  top_ratio: z.number().min(0).max(1).nullish().describe('Share of samples to keep (of all samples).'),
  topk: z.number().int().positive().nullish().describe('Number of samples to keep (caps top_ratio).'),
  reverse: z.boolean().default(true).describe('Keep the largest values (true) or the smallest (false).'),
});

/** `topk_specified_field_selector`: keeps the top-k (or top ratio) samples by a field, in ranked order. */
export const topkSpecifiedFieldSelector = defineOperator<'selector', z.output<typeof params>>({
  name: 'topk_specified_field_selector',
  kind: 'selector',
  description:
    'Keeps the topk (or top_ratio share of) samples with the largest (reverse) or smallest field_key values, in ranked order.',
  params,
  create(p): SelectorInstance {
    return {
      fields: p.field_key ? [p.field_key] : [],
      select(rows: SelectorRow[]): number[] {
        const n = rows.length;
        const all = rows.map((r) => r.index);
        if (n <= 1 || !p.field_key || (!p.top_ratio && !p.topk)) return all;
        let selectNum = p.top_ratio ? p.top_ratio * n : p.topk!;
        if (p.top_ratio && p.topk && p.topk < selectNum) selectNum = p.topk;
        selectNum = Math.trunc(selectNum);
        const values = rows.map((r) => r.values[0]);
        const keys = p.field_key.includes('.')
          ? values.map((v) => statsToNumber(v, p.reverse))
          : rawSortKeys(values, 'topk_specified_field_selector', p.field_key);
        const positions = rows.map((_, i) => i);
        const picked = p.reverse ? nLargest(positions, keys, selectNum) : nSmallest(positions, keys, selectNum);
        return picked.map((i) => rows[i]!.index);
      },
    };
  },
});
