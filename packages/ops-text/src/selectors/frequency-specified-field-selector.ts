import { defineOperator, jobError, type SelectorInstance } from '@dj-sandbox/core';
import { z } from 'zod';
import { opParams } from '../common/base-params.ts';
import type { SelectorRow } from './lib/ranking.ts';

const params = opParams({
  field_key: z.string().default('').describe("Dotted field whose values are counted, e.g. 'meta.src'."),
  top_ratio: z.number().min(0).max(1).nullish().describe('Share of distinct values to keep.'),
  topk: z.number().int().positive().nullish().describe('Number of distinct values to keep (caps top_ratio).'),
  reverse: z.boolean().default(true).describe('Keep the most frequent values (true) or the rarest (false).'),
});

// Python dict keys: 1, 1.0 and True are one key; strings and None are their own.
function groupKey(value: unknown): string {
  if (value === null || value === undefined) return 'n';
  if (typeof value === 'boolean') return `f${value ? 1 : 0}`;
  if (typeof value === 'number') return `f${value}`;
  if (typeof value === 'string') return `s${value}`;
  throw jobError(
    'op-unhashable-field',
    'frequency_specified_field_selector: field values must be str, number or null',
    {
      plugin: 'ops-text',
      path: 'frequency_specified_field_selector.field_key',
      expected: 'a string, a number or null per sample',
      received: JSON.stringify(value)?.slice(0, 80),
      fix: 'point field_key at a scalar field',
    },
  );
}

/**
 * `frequency_specified_field_selector`: groups samples by a field's value and keeps the groups of the topk (or
 * top_ratio share of) most frequent values, group by group.
 */
export const frequencySpecifiedFieldSelector = defineOperator<'selector', z.output<typeof params>>({
  name: 'frequency_specified_field_selector',
  kind: 'selector',
  description:
    'Keeps the samples of the topk (or top_ratio share of) most (reverse) or least frequent field_key values, group by group.',
  params,
  create(p): SelectorInstance {
    return {
      fields: p.field_key ? [p.field_key] : [],
      select(rows: SelectorRow[]): number[] {
        const all = rows.map((r) => r.index);
        if (rows.length <= 1 || !p.field_key || (!p.top_ratio && !p.topk)) return all;
        const groups = new Map<string, number[]>();
        for (const row of rows) {
          const key = groupKey(row.values[0]);
          const group = groups.get(key);
          if (group) group.push(row.index);
          else groups.set(key, [row.index]);
        }
        let selectNum = p.top_ratio ? p.top_ratio * groups.size : p.topk!;
        if (p.top_ratio && p.topk && p.topk < selectNum) selectNum = p.topk;
        const ordered = [...groups.values()].sort((a, b) => (p.reverse ? b.length - a.length : a.length - b.length));
        return ordered.slice(0, Math.trunc(selectNum)).flat();
      },
    };
  },
});
