import { defineOperator, type FilterInstance, type Sample } from '@dj-sandbox/core';
import { makeRangeTest } from '@dj-sandbox/media';
import { z } from 'zod';
import { bound, filterParams } from '../common/base-params.ts';
import { MAXSIZE, pyFloat } from '../common/python-numbers.ts';
import { statsOf } from '../common/samples.ts';
import { walkField } from './lib/field-value.ts';

const params = filterParams({
  field_key: z.string().default('').describe("Dotted path of the numeric field, e.g. 'meta.score'."),
  min_value: bound(-MAXSIZE, 'Minimum value.', {}),
  max_value: bound(MAXSIZE, 'Maximum value.', {}),
});

/**
 * Data-Juicer's `is_number` then `float()`: a truthy number, boolean or numeric string; `0`, `0.0` and `""` are not
 * numbers (a Data-Juicer quirk, kept).
 */
export function numericFieldValue(value: unknown): number | undefined {
  if (typeof value === 'number') return value === 0 ? undefined : value;
  if (typeof value === 'boolean') return value ? 1 : undefined;
  if (typeof value === 'string' && value !== '') return pyFloat(value);
  return undefined;
}

/** `specified_numeric_field_filter`: keeps samples whose numeric field is within `[min_value, max_value]`. */
export const specifiedNumericFieldFilter = defineOperator<'filter', z.output<typeof params>>({
  name: 'specified_numeric_field_filter',
  kind: 'filter',
  description:
    'Keeps samples whose field_key value is a number (or numeric string) within [min_value, max_value]; other values are dropped.',
  params,
  batched: false,
  statsKeys: (p) => (p.field_key ? [p.field_key] : []),
  create(p): FilterInstance {
    const inRange = makeRangeTest(p.min_value, p.max_value, p);
    return {
      computeStats(samples: Sample[]): void {
        if (!p.field_key) return;
        for (const sample of samples) {
          const stats = statsOf(sample);
          if (p.field_key in stats) continue;
          stats[p.field_key] = walkField(sample, p.field_key, 'specified_numeric_field_filter');
        }
      },
      keep(sample: Sample): boolean {
        if (!p.field_key) return true;
        const value = numericFieldValue(statsOf(sample)[p.field_key]);
        return value !== undefined && inRange(value);
      },
    };
  },
});
