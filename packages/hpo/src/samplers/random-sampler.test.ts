import { describe, expect, it } from 'vitest';
import { parseSweep } from '../sweep/parse-sweep.ts';
import { randomSampler } from './random-sampler.ts';

function sweepOf(parameters: Record<string, unknown>, seed = 7) {
  return parseSweep({ method: 'random', metric: { name: 'm' }, sweep_max_count: 10, seed, parameters });
}

function draws(parameters: Record<string, unknown>, n = 2000, seed = 7): Array<Record<string, unknown>> {
  const sampler = randomSampler(sweepOf(parameters, seed));
  return Array.from({ length: n }, (_, i) => sampler.suggest(i, []));
}

const numbers = (rows: Array<Record<string, unknown>>, key: string) => rows.map((r) => r[key] as number);
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

describe('randomSampler', () => {
  it('draws the same parameters for the same seed and trial index, and different ones for another seed', () => {
    const parameters = { a: { min: 0.0, max: 1.0, distribution: 'uniform' }, b: { values: ['x', 'y', 'z'] } };
    const first = draws(parameters, 20);
    expect(draws(parameters, 20)).toEqual(first);
    expect(randomSampler(sweepOf(parameters)).suggest(13, [])).toEqual(first[13]);
    expect(draws(parameters, 20, 8)).not.toEqual(first);
  });

  it('reads log_uniform bounds as exponents and log_uniform_values bounds as values', () => {
    const rows = draws({
      exp: { distribution: 'log_uniform', min: -2, max: 2 },
      val: { distribution: 'log_uniform_values', min: 0.01, max: 100 },
    });
    const exp = numbers(rows, 'exp');
    const val = numbers(rows, 'val');
    expect(Math.min(...exp)).toBeGreaterThanOrEqual(Math.exp(-2));
    expect(Math.max(...exp)).toBeLessThanOrEqual(Math.exp(2));
    expect(Math.min(...val)).toBeGreaterThanOrEqual(0.01);
    expect(Math.max(...val)).toBeLessThanOrEqual(100);
    // log-uniform: the mean of the logs sits in the middle of the log range
    expect(mean(exp.map(Math.log))).toBeCloseTo(0, 1);
    expect(mean(val.map(Math.log10))).toBeCloseTo(0, 1);
  });

  it('gives inverse log-uniform values whose negative log is uniform', () => {
    const rows = draws({
      inv: { distribution: 'inv_log_uniform', min: 1, max: 3 },
      invv: { distribution: 'inv_log_uniform_values', min: 0.1, max: 10 },
    });
    const inv = numbers(rows, 'inv');
    expect(Math.max(...inv)).toBeLessThanOrEqual(Math.exp(-1));
    expect(Math.min(...inv)).toBeGreaterThanOrEqual(Math.exp(-3));
    expect(mean(inv.map((x) => -Math.log(x)))).toBeCloseTo(2, 1);
    const invv = numbers(rows, 'invv');
    expect(Math.min(...invv)).toBeGreaterThanOrEqual(0.1);
    expect(Math.max(...invv)).toBeLessThanOrEqual(10);
  });

  it('quantises q_ distributions and draws integers for int_uniform, both ends included', () => {
    const rows = draws({
      i: { min: 1, max: 3 },
      q: { distribution: 'q_uniform', min: 0, max: 1, q: 0.25 },
      ql: { distribution: 'q_log_uniform_values', min: 1, max: 1000, q: 10 },
      qn: { distribution: 'q_normal', mu: 5, sigma: 3, q: 2 },
    });
    expect(new Set(numbers(rows, 'i'))).toEqual(new Set([1, 2, 3]));
    expect(new Set(numbers(rows, 'q'))).toEqual(new Set([0, 0.25, 0.5, 0.75, 1]));
    expect(numbers(rows, 'ql').every((v) => v % 10 === 0)).toBe(true);
    expect(numbers(rows, 'qn').every((v) => v % 2 === 0)).toBe(true);
  });

  it('draws normal, log-normal and beta values with their moments', () => {
    const rows = draws(
      {
        n: { distribution: 'normal', mu: 3, sigma: 2 },
        ln: { distribution: 'log_normal', mu: 1, sigma: 0.5 },
        b: { distribution: 'beta', a: 2, b: 6 },
      },
      5000,
    );
    const n = numbers(rows, 'n');
    expect(mean(n)).toBeCloseTo(3, 1);
    expect(Math.abs(Math.sqrt(mean(n.map((x) => (x - 3) ** 2))) - 2)).toBeLessThan(0.1);
    expect(mean(numbers(rows, 'ln').map(Math.log))).toBeCloseTo(1, 1);
    const b = numbers(rows, 'b');
    expect(b.every((x) => x > 0 && x < 1)).toBe(true);
    expect(mean(b)).toBeCloseTo(0.25, 1);
  });

  it('follows categorical probabilities and keeps constants', () => {
    const rows = draws({
      c: { values: ['rare', 'common'], probabilities: [0.1, 0.9] },
      k: { value: { nested: true } },
    });
    const rare = rows.filter((r) => r.c === 'rare').length / rows.length;
    expect(rare).toBeGreaterThan(0.07);
    expect(rare).toBeLessThan(0.13);
    expect(rows.every((r) => (r.k as { nested: boolean }).nested === true)).toBe(true);
  });
});
