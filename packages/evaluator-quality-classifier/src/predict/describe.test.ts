import { expect, it, describe as suite } from 'vitest';
import { describe, describeCsv, pythonFloatRepr } from './describe.ts';

suite('pandas describe and Python float repr', () => {
  it('describes doc scores as pandas does', () => {
    // numpy 2.4: mean, std(ddof=1), linear percentiles of the same seven values.
    const d = describe(Float64Array.from([0.9, 0.1, 0.35, 0.99, 0.5, 0.02, 0.75]));
    expect(d.count).toBe(7);
    expect(d.mean).toBeCloseTo(0.5157142857142857, 15);
    expect(d.std).toBeCloseTo(0.38161311747445403, 15);
    expect([d.min, d['25%'], d['50%'], d['75%'], d.max]).toEqual([0.02, 0.22499999999999998, 0.5, 0.825, 0.99]);
  });

  it('writes floats as Python repr does', () => {
    const values = [3, 0.1, 1e-5, 3.2e-7, 1e16, 123456.789, 0.0001, 1e22, -2.5, 5e-324];
    expect(values.map(pythonFloatRepr)).toEqual([
      '3.0',
      '0.1',
      '1e-05',
      '3.2e-07',
      '1e+16',
      '123456.789',
      '0.0001',
      '1e+22',
      '-2.5',
      '5e-324',
    ]);
  });

  it('writes overall.csv in the layout of pandas to_csv', () => {
    const csv = describeCsv(describe(Float64Array.from([0.5, 0.5])));
    expect(csv).toBe(',doc_score\ncount,2.0\nmean,0.5\nstd,0.0\nmin,0.5\n25%,0.5\n50%,0.5\n75%,0.5\nmax,0.5\n');
  });
});
