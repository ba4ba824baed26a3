import { describe, expect, it } from 'vitest';
import { createFilter } from '../test-helpers/run-filter.ts';
import { specifiedFieldFilter } from './specified-field-filter.ts';

const make = (meta: Record<string, unknown>) => ({ text: 'x', meta, __dj__stats__: {} as Record<string, unknown> });

describe('specified_field_filter', () => {
  it('stores the raw value under the dotted key and keeps listed values', async () => {
    const filter = await createFilter(specifiedFieldFilter, { field_key: 'meta.src', target_value: ['Arxiv', 'code'] });
    const samples = [make({ src: 'Arxiv' }), make({ src: 'customized' }), make({ src: 'code' })];
    await filter.computeStats(samples);
    expect(samples[0]!.__dj__stats__).toEqual({ 'meta.src': 'Arxiv' });
    expect(samples.map((s) => filter.keep(s))).toEqual([true, false, true]);
  });

  it('requires every element of a list value to be a target, with Python equality of 1 and 1.0', async () => {
    const filter = await createFilter(specifiedFieldFilter, { field_key: 'meta.tags', target_value: [1, 'a'] });
    const samples = [make({ tags: [1.0, 'a'] }), make({ tags: [1, 'b'] }), make({ tags: true })];
    await filter.computeStats(samples);
    expect(samples.map((s) => filter.keep(s))).toEqual([true, false, true]);
  });

  it('negates with reversed_range and keeps everything without a target', async () => {
    const reversed = await createFilter(specifiedFieldFilter, {
      field_key: 'meta.src',
      target_value: ['code'],
      reversed_range: true,
    });
    const open = await createFilter(specifiedFieldFilter, { field_key: 'meta.src' });
    const samples = [make({ src: 'code' }), make({ src: 'web' })];
    await reversed.computeStats(samples);
    expect(samples.map((s) => reversed.keep(s))).toEqual([false, true]);
    expect(samples.map((s) => open.keep(s))).toEqual([true, true]);
  });

  it('fails on a sample missing a level of the field path', async () => {
    const filter = await createFilter(specifiedFieldFilter, { field_key: 'meta.src', target_value: ['x'] });
    expect(() => filter.computeStats([make({ other: 1 })])).toThrow(/no field 'meta.src' \(missing 'src'\)/);
  });
});
