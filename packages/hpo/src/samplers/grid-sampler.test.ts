import { describe, expect, it } from 'vitest';
import { parseSweep } from '../sweep/parse-sweep.ts';
import { gridSampler } from './grid-sampler.ts';

const gridOf = (parameters: Record<string, unknown>) =>
  gridSampler(parseSweep({ method: 'grid', metric: { name: 'm' }, parameters }));

describe('gridSampler', () => {
  it('enumerates the cartesian product with the last parameter varying fastest', () => {
    const grid = gridOf({ a: { values: [1, 2] }, b: { values: ['x', 'y', 'z'] }, c: { value: 0 } });
    expect(grid.size).toBe(6);
    const all = Array.from({ length: 6 }, (_, i) => grid.suggest(i, []));
    expect(all).toEqual([
      { a: 1, b: 'x', c: 0 },
      { a: 1, b: 'y', c: 0 },
      { a: 1, b: 'z', c: 0 },
      { a: 2, b: 'x', c: 0 },
      { a: 2, b: 'y', c: 0 },
      { a: 2, b: 'z', c: 0 },
    ]);
  });

  it('enumerates int_uniform and q_uniform ranges', () => {
    const grid = gridOf({ i: { min: 3, max: 5 }, q: { distribution: 'q_uniform', min: 0, max: 0.3, q: 0.1 } });
    expect(grid.size).toBe(12);
    expect(new Set(Array.from({ length: 12 }, (_, n) => grid.suggest(n, []).q))).toEqual(new Set([0, 0.1, 0.2, 0.3]));
    expect(new Set(Array.from({ length: 12 }, (_, n) => grid.suggest(n, []).i))).toEqual(new Set([3, 4, 5]));
  });

  it('refuses continuous distributions, naming each one', () => {
    expect(() => gridOf({ a: { min: 0.0, max: 1.5 }, b: { distribution: 'normal' }, c: { values: [1] } })).toThrow(
      /parameters\.a: method grid cannot enumerate distribution uniform[\s\S]*parameters\.b: method grid cannot enumerate distribution normal/,
    );
  });
});
