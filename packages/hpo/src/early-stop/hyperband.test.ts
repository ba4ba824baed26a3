import { describe, expect, it } from 'vitest';
import { hyperbandStops } from './hyperband.ts';
import { hyperbandBands } from './hyperband-bands.ts';

describe('hyperband', () => {
  it('computes W&B bands from max_iter and s, or from min_iter', () => {
    expect(hyperbandBands({ max_iter: 27, s: 2, eta: 3 })).toEqual([3, 9]);
    expect(hyperbandBands({ max_iter: 5, s: 2, eta: 2 })).toEqual([1, 2]);
    expect(hyperbandBands({ max_iter: 2, s: 3, eta: 3 })).toEqual([]);
    expect(hyperbandBands({ min_iter: 3, s: 0, eta: 3 }).slice(0, 4)).toEqual([3, 9, 27, 81]);
  });

  it('stops a running trial whose best value is outside the top 1/eta at its band', () => {
    const trials = [
      { index: 0, running: false, history: [10, 9] },
      { index: 1, running: true, history: [10, 10] },
      { index: 2, running: true, history: [10, 8, 8] },
      { index: 3, running: true, history: [10, 7, 7] },
      { index: 4, running: false, history: [10, 6, 6] },
    ];
    // bands [1, 2]; band 2 values sorted [6, 7, 8, 9, 10], threshold at floor(5 / 2) = 8.
    const stops = hyperbandStops(trials, { bands: [1, 2], eta: 2, strict: false }, 'minimize');
    expect(stops).toEqual([{ index: 1, band: 2, value: 10, threshold: 8 }]);
  });

  it('judges maximised metrics by negation and, when strict, by the value at the band', () => {
    const trials = [
      { index: 0, running: false, history: [0.1, 0.5, 0.9] },
      { index: 1, running: false, history: [0.2, 0.6, 0.8] },
      { index: 2, running: true, history: [0.85, 0.1, 0.1] },
    ];
    const et = { bands: [3], eta: 3 };
    expect(hyperbandStops(trials, { ...et, strict: false }, 'maximize')).toEqual([]);
    expect(hyperbandStops(trials, { ...et, strict: true }, 'maximize')).toEqual([
      { index: 2, band: 3, value: 0.1, threshold: 0.8 },
    ]);
  });

  it('never stops a trial before its first band', () => {
    const trials = [
      { index: 0, running: false, history: [1, 1, 1] },
      { index: 1, running: true, history: [100, 100] },
    ];
    expect(hyperbandStops(trials, { bands: [3], eta: 3, strict: false }, 'minimize')).toEqual([]);
  });
});
