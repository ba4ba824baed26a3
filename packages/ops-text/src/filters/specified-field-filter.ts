import { defineOperator, type FilterInstance, type Sample } from '@dj-sandbox/core';
import { z } from 'zod';
import { filterParams } from '../common/base-params.ts';
import { pyEquals } from '../common/py-equals.ts';
import { statsOf } from '../common/samples.ts';
import { walkField } from './lib/field-value.ts';

const params = filterParams({
  field_key: z.string().default('').describe("Dotted path of the field to test, e.g. 'meta.src'."),
  target_value: z.array(z.unknown()).default([]).describe('Values to keep; every element of a list field must be one.'),
});

/**
 * `specified_field_filter`: keeps samples whose field value (each element, for a list) is one of `target_value`. The
 * raw value is stored under the dotted `field_key` in the stats.
 */
export const specifiedFieldFilter = defineOperator<'filter', z.output<typeof params>>({
  name: 'specified_field_filter',
  kind: 'filter',
  description: 'Keeps samples whose field_key value (every element, for a list) is one of target_value.',
  params,
  batched: false,
  statsKeys: (p) => (p.field_key ? [p.field_key] : []),
  create(p): FilterInstance {
    const active = p.field_key !== '' && p.target_value.length > 0;
    return {
      computeStats(samples: Sample[]): void {
        if (!p.field_key) return;
        for (const sample of samples) {
          const stats = statsOf(sample);
          if (p.field_key in stats) continue;
          stats[p.field_key] = walkField(sample, p.field_key, 'specified_field_filter');
        }
      },
      keep(sample: Sample): boolean {
        if (!active) return true;
        const value = statsOf(sample)[p.field_key];
        const values = Array.isArray(value) ? value : [value];
        const keep = values.every((v) => p.target_value.some((t) => pyEquals(v, t)));
        return p.reversed_range ? !keep : keep;
      },
    };
  },
});
