import { describe, expect, it } from 'vitest';
import { createFilter } from '../test-helpers/run-filter.ts';
import { suffixFilter } from './suffix-filter.ts';

const samples = ['.txt', '.pdf', '.md'].map((s) => ({ text: 'x', __dj__suffix__: s, __dj__stats__: {} }));

describe('suffix_filter', () => {
  it('keeps samples whose source suffix is listed and writes no stats', async () => {
    const filter = await createFilter(suffixFilter, { suffixes: ['.txt', '.pdf'] });
    await filter.computeStats(samples);
    expect(samples.map((s) => filter.keep(s))).toEqual([true, true, false]);
    expect(samples.map((s) => s.__dj__stats__)).toEqual([{}, {}, {}]);
    expect(suffixFilter.statsKeys?.({} as never)).toEqual([]);
  });

  it('accepts a single suffix string and inverts with reversed_range', async () => {
    const filter = await createFilter(suffixFilter, { suffixes: '.md', reversed_range: true });
    expect(samples.map((s) => filter.keep(s))).toEqual([true, true, false]);
  });

  it('keeps everything when no suffix is given', async () => {
    const filter = await createFilter(suffixFilter);
    expect(samples.map((s) => filter.keep(s))).toEqual([true, true, true]);
  });
});
