import { describe, expect, it } from 'vitest';
import { parseSweep } from '../../sweep/parse-sweep.ts';
import { TPE_DEFAULTS } from '../../sweep/sweep-types.ts';
import { createSampler } from '../create-sampler.ts';
import type { Observation } from '../sampler.ts';
import { adaptiveParzen, linearForgettingWeights } from './parzen.ts';
import { inStartup, nBelow, splitObservations } from './tpe-sampler.ts';

function bestAfter(method: 'random' | 'bayes', seed: number, trials: number, objective: (x: number) => number): number {
  const sweep = parseSweep({
    method,
    metric: { name: 'loss', goal: 'minimize' },
    sweep_max_count: trials,
    seed,
    parameters: { x: { distribution: 'uniform', min: -10, max: 10 } },
  });
  const sampler = createSampler(sweep);
  const observations: Observation[] = [];
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < trials; i++) {
    const params = sampler.suggest(i, observations);
    const loss = objective(params.x as number);
    best = Math.min(best, loss);
    observations.push({ index: i, params, loss, state: 'finished' });
  }
  return best;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return (s[Math.floor((s.length - 1) / 2)]! + s[Math.ceil((s.length - 1) / 2)]!) / 2;
};

describe('TPE', () => {
  it('beats random search on a 1-D quadratic: median best over 15 seeds with 40 trials each', () => {
    const quadratic = (x: number) => (x - 2.7) ** 2;
    const seeds = Array.from({ length: 15 }, (_, i) => i);
    const tpe = median(seeds.map((s) => bestAfter('bayes', s, 40, quadratic)));
    const random = median(seeds.map((s) => bestAfter('random', s, 40, quadratic)));
    expect(tpe).toBeLessThan(random / 4);
    expect(tpe).toBeLessThan(0.01);
  });

  it('samples from the priors for the first n_startup_trials, exactly as random search would', () => {
    const spec = {
      metric: { name: 'm' },
      sweep_max_count: 20,
      seed: 3,
      parameters: { x: { distribution: 'uniform', min: 0, max: 1 } },
    };
    const tpe = createSampler(parseSweep({ ...spec, method: 'bayes' }));
    const random = createSampler(parseSweep({ ...spec, method: 'random' }));
    const obs: Observation[] = Array.from({ length: 9 }, (_, i) => ({
      index: i,
      params: { x: i / 10 },
      loss: i,
      state: 'finished',
    }));
    expect(tpe.suggest(9, obs)).toEqual(random.suggest(9, obs));
    obs.push({ index: 9, params: { x: 0.9 }, loss: 9, state: 'finished' });
    expect(tpe.suggest(10, obs)).not.toEqual(random.suggest(10, obs));
  });

  it('proposes valid values for categorical, integer, quantised and log dimensions near the good trials', () => {
    const sweep = parseSweep({
      method: 'bayes',
      metric: { name: 'm', goal: 'maximize' },
      sweep_max_count: 40,
      seed: 1,
      parameters: {
        c: { values: ['a', 'b', 'c', 'd'] },
        i: { min: 1, max: 20 },
        q: { distribution: 'q_log_uniform_values', min: 16, max: 4096, q: 16 },
      },
    });
    const sampler = createSampler(sweep);
    const observations: Observation[] = [];
    const score = (p: Record<string, unknown>) =>
      (p.c === 'c' ? 1 : 0) - Math.abs((p.i as number) - 15) / 20 - Math.abs(Math.log2((p.q as number) / 256)) / 8;
    for (let n = 0; n < 40; n++) {
      const p = sampler.suggest(n, observations);
      expect(['a', 'b', 'c', 'd']).toContain(p.c);
      expect(Number.isInteger(p.i) && (p.i as number) >= 1 && (p.i as number) <= 20).toBe(true);
      expect((p.q as number) % 16).toBe(0);
      observations.push({ index: n, params: p, loss: -score(p), state: 'finished' });
    }
    const late = observations.slice(25).map((o) => o.params);
    expect(late.filter((p) => p.c === 'c').length).toBeGreaterThanOrEqual(10);
    expect(median(late.map((p) => p.i as number))).toBeGreaterThanOrEqual(11);
  });

  it('splits at the gamma quantile, capped at 25, and counts stopped trials as bad', () => {
    expect(nBelow(10, { gamma: 0.25, linear_forgetting: 25 })).toBe(3);
    expect(nBelow(400, { gamma: 0.25, linear_forgetting: 25 })).toBe(25);
    const obs: Observation[] = [
      { index: 0, params: {}, loss: 5, state: 'finished' },
      { index: 1, params: {}, loss: 1, state: 'finished' },
      { index: 2, params: {}, loss: 0, state: 'stopped' },
      { index: 3, params: {}, loss: 3, state: 'finished' },
    ];
    const { below, above } = splitObservations(obs, { gamma: 0.25, linear_forgetting: 25 });
    expect(below.map((o) => o.index)).toEqual([1]);
    expect(above.map((o) => o.index)).toEqual([0, 2, 3]);
  });

  it('builds hyperopt adaptive Parzen estimators: neighbour bandwidths clipped to the prior width', () => {
    const m = adaptiveParzen([0.2, 0.9, 0.25], {
      priorWeight: 1,
      priorMu: 0.5,
      priorSigma: 1,
      lf: 25,
      low: 0,
      high: 1,
    });
    expect(m.mus).toEqual([0.2, 0.25, 0.5, 0.9]);
    // 0.2: its right neighbour is 0.05 away, raised to the floor 1/min(100, 1+4) = 0.2; the prior keeps 1.
    expect(m.sigmas.map((s) => Number(s.toFixed(6)))).toEqual([0.2, 0.25, 1, 0.4]);
    expect(m.weights).toEqual([0.25, 0.25, 0.25, 0.25]);
    expect(linearForgettingWeights(27, 25).slice(0, 3)).toEqual([1 / 27, 1, 1]);
  });

  it("splits at Optuna's default gamma: the best ceil(0.1 · n), capped at 25", () => {
    expect(nBelow(10, TPE_DEFAULTS)).toBe(1);
    expect(nBelow(49, TPE_DEFAULTS)).toBe(5);
    expect(nBelow(400, TPE_DEFAULTS)).toBe(25);
  });

  it('counts running trials as bad and leaves them out of the split size (the constant liar)', () => {
    const obs: Observation[] = [
      ...Array.from({ length: 10 }, (_, i): Observation => ({ index: i, params: {}, loss: i, state: 'finished' })),
      { index: 10, params: {}, loss: null, state: 'running' },
      { index: 11, params: {}, loss: null, state: 'running' },
    ];
    const { below, above } = splitObservations(obs, TPE_DEFAULTS);
    expect(below.map((o) => o.index)).toEqual([0]);
    expect(above.map((o) => o.index)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });

  it('steers a parallel suggestion away from where other trials are still running', () => {
    const sampler = createSampler(
      parseSweep({
        method: 'bayes',
        metric: { name: 'loss' },
        sweep_max_count: 60,
        seed: 5,
        parameters: { x: { distribution: 'uniform', min: 0, max: 1 } },
      }),
    );
    const finished: Observation[] = Array.from({ length: 20 }, (_, i) => {
      const x = ((i * 7) % 20) / 20 + 0.01;
      return { index: i, params: { x }, loss: (x - 0.3) ** 2, state: 'finished' };
    });
    const pending: Observation[] = [0.29, 0.3, 0.31].map((x, i) => ({
      index: 20 + i,
      params: { x },
      loss: null,
      state: 'running',
    }));
    const distance = (withPending: boolean) => {
      let sum = 0;
      for (let index = 23; index < 63; index++) {
        const x = sampler.suggest(index, withPending ? [...finished, ...pending] : finished).x as number;
        sum += Math.abs(x - 0.3);
      }
      return sum / 40;
    };
    expect(distance(true)).toBeGreaterThan(distance(false) * 1.2);
  });

  it('ends the random startup once n_startup_trials have started, so 4 workers draw 10 prior trials, not 13', () => {
    expect(inStartup(9, 0, 10)).toBe(true);
    expect(inStartup(10, 0, 10)).toBe(false);
    expect(inStartup(7, 2, 10)).toBe(true);
    expect(inStartup(7, 3, 10)).toBe(false);
    // Half of the startup must have finished: 16 workers do not model 4 results.
    expect(inStartup(4, 12, 10)).toBe(true);
    expect(inStartup(5, 11, 10)).toBe(false);
    expect(inStartup(0, 0, 0)).toBe(true);
    expect(inStartup(1, 0, 0)).toBe(false);
  });

  it('draws n_ei_candidates_pending candidates while other trials run, n_ei_candidates otherwise', () => {
    const withCandidates = (tpe: Record<string, number>) =>
      createSampler(
        parseSweep({
          method: 'bayes',
          metric: { name: 'loss' },
          sweep_max_count: 40,
          seed: 2,
          parameters: {
            x: { distribution: 'uniform', min: 0, max: 1 },
            y: { distribution: 'uniform', min: 0, max: 1 },
          },
          tpe,
        }),
      );
    const finished: Observation[] = Array.from({ length: 20 }, (_, i) => {
      const x = ((i * 7) % 20) / 20;
      const y = ((i * 11) % 20) / 20;
      return { index: i, params: { x, y }, loss: (x - 0.3) ** 2 + (y - 0.6) ** 2, state: 'finished' };
    });
    const running: Observation = { index: 20, params: { x: 0.3, y: 0.6 }, loss: null, state: 'running' };
    const few = withCandidates({ n_ei_candidates: 2, n_ei_candidates_pending: 48 });
    const many = withCandidates({ n_ei_candidates: 48, n_ei_candidates_pending: 48 });
    const differing = (observations: Observation[]) =>
      Array.from({ length: 10 }, (_, k) => 21 + k).filter(
        (index) =>
          JSON.stringify(few.suggest(index, observations)) !== JSON.stringify(many.suggest(index, observations)),
      ).length;
    expect(differing([...finished, running])).toBe(0);
    expect(differing(finished)).toBeGreaterThan(5);
  });

  it('models the parameters jointly by default: with two good basins it rarely mixes their coordinates', () => {
    // The best ten trials (gamma 0.2 of 50) sit near (0.2, 0.2) and (0.8, 0.8), five each. One parameter at a time, l(x) and l(y) are both bimodal,
    // so proposals pair a coordinate of one basin with one of the other.
    const obs: Observation[] = Array.from({ length: 50 }, (_, i) => {
      const [x, y] =
        i < 10 ? [0.2 + (i % 5) * 0.01, 0.2 + ((i * 2) % 5) * 0.01] : [((i * 37) % 50) / 50, ((i * 13) % 50) / 50];
      const good = i < 10 ? (i % 2 === 0 ? [x, y] : [x + 0.6, y + 0.6]) : [x, y];
      const loss = Math.min(Math.hypot(good[0]! - 0.2, good[1]! - 0.2), Math.hypot(good[0]! - 0.8, good[1]! - 0.8));
      return {
        index: i,
        params: { x: good[0], y: good[1] },
        loss: i < 10 ? loss / 100 : loss + 0.5,
        state: 'finished',
      };
    });
    const mixedShare = (multivariate: boolean) => {
      const sampler = createSampler(
        parseSweep({
          method: 'bayes',
          metric: { name: 'loss' },
          sweep_max_count: 200,
          seed: 2,
          tpe: { multivariate, gamma: 0.2 },
          parameters: {
            x: { distribution: 'uniform', min: 0, max: 1 },
            y: { distribution: 'uniform', min: 0, max: 1 },
          },
        }),
      );
      let mixed = 0;
      for (let index = 50; index < 150; index++) {
        const p = sampler.suggest(index, obs);
        if ((p.x as number) < 0.5 !== (p.y as number) < 0.5) mixed++;
      }
      return mixed / 100;
    };
    expect(mixedShare(true)).toBeLessThan(0.15);
    expect(mixedShare(false)).toBeGreaterThan(0.3);
  });

  it('proposes finite values in range for unbounded, beta and quantised distributions too', () => {
    const sampler = createSampler(
      parseSweep({
        method: 'bayes',
        metric: { name: 'm' },
        sweep_max_count: 30,
        seed: 4,
        parameters: {
          n: { distribution: 'normal', mu: 5, sigma: 2 },
          ln: { distribution: 'log_normal', mu: 0, sigma: 1 },
          b: { distribution: 'beta', a: 2, b: 5 },
          qu: { distribution: 'q_uniform', min: 0, max: 1, q: 0.1 },
        },
      }),
    );
    const obs: Observation[] = [];
    for (let i = 0; i < 30; i++) {
      const p = sampler.suggest(i, obs);
      expect(Number.isFinite(p.n)).toBe(true);
      expect(p.ln as number).toBeGreaterThan(0);
      expect(p.b as number).toBeGreaterThanOrEqual(0);
      expect(p.b as number).toBeLessThanOrEqual(1);
      expect(Math.round((p.qu as number) * 10) / 10).toBe(p.qu);
      const loss = ((p.n as number) - 7) ** 2 + Math.log(p.ln as number) ** 2 + (p.b as number) + (p.qu as number);
      obs.push({ index: i, params: p, loss, state: 'finished' });
    }
    const late = obs.slice(20).map((o) => o.params.n as number);
    expect(median(late.map((n) => Math.abs(n - 7)))).toBeLessThan(1.5);
  });
});
