import { describe, expect, it } from 'vitest';
import { percentileLabels, pyFloat } from './py-format.ts';

describe('Python number formatting for overall.csv', () => {
  it('writes floats like repr(float)', () => {
    expect([3, 20, 0.5, -2.25, 1e-5, 1.5e-5, 0.0001, 1e16, 123456789012345.6, Number.NaN].map(pyFloat)).toEqual([
      '3.0',
      '20.0',
      '0.5',
      '-2.25',
      '1e-05',
      '1.5e-05',
      '0.0001',
      '1e+16',
      '123456789012345.6',
      'nan',
    ]);
  });

  it('labels percentiles like pandas format_percentiles', () => {
    expect(percentileLabels([0.25, 0.5, 0.75])).toEqual(['25%', '50%', '75%']);
    expect(percentileLabels([0.1, 0.25, 0.5, 0.75, 0.999])).toEqual(['10%', '25%', '50%', '75%', '99.9%']);
    expect(percentileLabels([1 / 3, 0.5, 2 / 3])).toEqual(['33.3%', '50%', '66.7%']);
  });
});
