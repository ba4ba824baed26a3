import { describe, expect, it } from 'vitest';
import { createFilter } from '../test-helpers/run-filter.ts';
import { numericFieldValue, specifiedNumericFieldFilter } from './specified-numeric-field-filter.ts';

const make = (score: unknown) => ({ text: 'x', meta: { score }, __dj__stats__: {} as Record<string, unknown> });

describe('specified_numeric_field_filter', () => {
  it('keeps numeric values and numeric strings inside the closed interval', async () => {
    const filter = await createFilter(specifiedNumericFieldFilter, {
      field_key: 'meta.score',
      min_value: 1,
      max_value: 5,
    });
    const samples = [make(1), make('3.5'), make(5.0001), make('abc'), make(null), make([2])];
    await filter.computeStats(samples);
    expect(samples[1]!.__dj__stats__).toEqual({ 'meta.score': '3.5' });
    expect(samples.map((s) => filter.keep(s))).toEqual([true, true, false, false, false, false]);
  });

  it('drops zero values, as Data-Juicer treats falsy values as non-numbers', async () => {
    const filter = await createFilter(specifiedNumericFieldFilter, {
      field_key: 'meta.score',
      min_value: -1,
      max_value: 1,
    });
    const samples = [make(0), make('0'), make(0.5)];
    await filter.computeStats(samples);
    expect(samples.map((s) => filter.keep(s))).toEqual([false, true, true]);
  });

  it('parses numbers as Python float() does', () => {
    expect([' 2.5 ', '1e3', '1_000', 'inf', '.5', '5.', 'x1'].map(numericFieldValue)).toEqual([
      2.5,
      1000,
      1000,
      Infinity,
      0.5,
      5,
      undefined,
    ]);
  });
});
