import { describe, expect, it } from 'vitest';
import { createRng } from '../../rng/prng.ts';
import { buildProductParzen, neighbourBandwidths, productParzenLogPdf, sampleProductParzen } from './product-parzen.ts';

const options = { priorWeight: 1, linearForgetting: 25 };

describe('the product Parzen estimator', () => {
  it('takes bandwidths from sorted neighbours, the bounds only for a lone observation, clipped by the magic clip', () => {
    // Three observations + the prior = 4 kernels: floor 10 / min(100, 1 + 4) = 2, ceiling the width 10.
    expect(neighbourBandwidths([5, 1, 1.5], 0, 10, 10)).toEqual([3.5, 2, 3.5]);
    // Alone, the distance to the farther bound counts: max(2 - 0, 10 - 2) = 8.
    expect(neighbourBandwidths([2], 0, 10, 10)).toEqual([8]);
  });

  it('is a density: a 1-D numeric estimator integrates to 1 over its bounds', () => {
    const model = buildProductParzen(
      [{ kind: 'numeric', low: 0, high: 1, priorMu: 0.5, priorSigma: 1 }],
      [[0.02], [0.3], [0.31], [0.97]],
      options,
    );
    let integral = 0;
    const steps = 20000;
    for (let i = 0; i < steps; i++) {
      const x = (i + 0.5) / steps;
      integral += Math.exp(productParzenLogPdf(model, { coords: [x], bins: [undefined] })) / steps;
    }
    expect(integral).toBeCloseTo(1, 4);
  });

  it('keeps the observations joint: draws near (0.1, 0.9) and (0.9, 0.1), rarely in the empty corners', () => {
    const axis = { kind: 'numeric' as const, low: 0, high: 1, priorMu: 0.5, priorSigma: 1 };
    const points = Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? [0.1, 0.9] : [0.9, 0.1]));
    const model = buildProductParzen([axis, axis], points, { priorWeight: 0.01, linearForgetting: 25 });
    const rng = createRng(7);
    const draws = Array.from({ length: 400 }, () => sampleProductParzen(model, rng));
    const inEmptyCorner = draws.filter(([x, y]) => (x! < 0.5 && y! < 0.5) || (x! > 0.5 && y! > 0.5));
    // Independent axes would put half the draws there.
    expect(inEmptyCorner.length / draws.length).toBeLessThan(0.1);
    const at = (x: number, y: number) => productParzenLogPdf(model, { coords: [x, y], bins: [undefined, undefined] });
    expect(at(0.1, 0.9)).toBeGreaterThan(at(0.1, 0.1) + 5);
  });

  it('smooths a categorical axis with the prior: observed choices are likelier, unseen ones stay possible', () => {
    const model = buildProductParzen(
      [{ kind: 'categorical', prior: [0.25, 0.25, 0.25, 0.25] }],
      [[2], [2], [0]],
      options,
    );
    const p = (c: number) => Math.exp(productParzenLogPdf(model, { coords: [c], bins: [undefined] }));
    expect(p(2)).toBeGreaterThan(p(0));
    expect(p(0)).toBeGreaterThan(p(1));
    expect(p(1)).toBeGreaterThan(0);
    expect(p(0) + p(1) + p(2) + p(3)).toBeCloseTo(1, 10);
  });

  it('gives a quantised axis the probability of the bin, and the bins sum to 1', () => {
    const model = buildProductParzen(
      [{ kind: 'numeric', low: 0.5, high: 5.5, priorMu: 3, priorSigma: 5 }],
      [[2], [2], [4]],
      options,
    );
    let total = 0;
    for (let k = 1; k <= 5; k++)
      total += Math.exp(productParzenLogPdf(model, { coords: [k], bins: [[k - 0.5, k + 0.5]] }));
    expect(total).toBeCloseTo(1, 5);
  });
});
