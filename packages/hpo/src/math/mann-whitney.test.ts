import { describe, expect, it } from 'vitest';
import { mannWhitneyU } from './mann-whitney.ts';

const range = (n: number, f: (i: number) => number) => Array.from({ length: n }, (_, i) => f(i));

// The p-values on the right are scipy 1.17.1's mannwhitneyu(a, b, alternative='two-sided', method='asymptotic')
// on the same data (computed once with the bench's Python side, bench/optuna_side.py, in its mannwhitneyu mode).
describe('mannWhitneyU', () => {
  it('matches scipy on samples full of ties', () => {
    const a = range(100, (i) => ((i * 7) % 13) / 2);
    const b = range(100, (i) => ((i * 5) % 11) / 2 + 0.5);
    expect(mannWhitneyU(a, b).p).toBeCloseTo(0.9082685300295597, 6);
  });

  it('matches scipy on two samples that do not overlap, and says which one is larger', () => {
    const result = mannWhitneyU(
      range(10, (i) => i + 1),
      range(10, (i) => i + 11),
    );
    expect(result.p).toBeCloseTo(0.00018267179110955002, 7);
    expect(result.u).toBe(0);
    expect(result.effect).toBe(0);
  });

  it('matches scipy on unequal sizes with one large tie group', () => {
    const e = [...range(10, () => 0.5), 1, 2, 3];
    const f = [...range(8, () => 0.5), 0.1, 0.2];
    expect(mannWhitneyU(e, f).p).toBeCloseTo(0.03533084139553148, 6);
    const g = range(60, (i) => ((i * 37) % 101) / 101);
    const h = range(40, (i) => ((i * 53) % 97) / 97 + 0.1);
    expect(mannWhitneyU(g, h).p).toBeCloseTo(0.3026485006715074, 6);
  });
});
