import { deepEqual } from '@dj-sandbox/core';
import { createRng, type Rng } from '../../rng/prng.ts';
import { type NumericSpace, numericSpace, toInternal, valueAtInternal } from '../../sweep/space.ts';
import type { CategoricalParam, NumericParam, Sweep, TpeOptions } from '../../sweep/sweep-types.ts';
import { samplePriorParams } from '../random-sampler.ts';
import type { Observation, Sampler, TrialParams } from '../sampler.ts';
import {
  buildProductParzen,
  type ParzenAxis,
  type ParzenPoint,
  productParzenLogPdf,
  sampleProductParzen,
} from './product-parzen.ts';

/**
 * How many of `n` finished observations form the "good" group l(x): `ceil(gamma · n)` (Optuna's default gamma is
 * 0.1), at least 1 and capped at the linear-forgetting constant (25), so the good group only holds fully weighted
 * trials.
 */
export function nBelow(n: number, options: Pick<TpeOptions, 'gamma' | 'linear_forgetting'>): number {
  return Math.max(1, Math.min(Math.ceil(options.gamma * n), options.linear_forgetting));
}

/**
 * Splits observations into the good group (lowest losses) and the rest, each in trial order (oldest first). Trials
 * hyperband stopped and trials still running (the constant liar: their parameters count as bad, so parallel
 * workers look elsewhere) join the rest; the split size counts finished trials only.
 */
export function splitObservations(
  observations: readonly Observation[],
  options: Pick<TpeOptions, 'gamma' | 'linear_forgetting'>,
): { below: Observation[]; above: Observation[] } {
  const finished = observations.filter((o) => o.state === 'finished' && o.loss !== null && Number.isFinite(o.loss));
  const ranked = [...finished].sort((a, b) => a.loss! - b.loss! || a.index - b.index);
  const k = nBelow(finished.length, options);
  const good = new Set(ranked.slice(0, k).map((o) => o.index));
  const byIndex = (a: Observation, b: Observation) => a.index - b.index;
  const stoppedOrPending = observations.filter((o) => o.state === 'stopped' || o.state === 'running');
  return {
    below: finished.filter((o) => good.has(o.index)).sort(byIndex),
    above: [...finished.filter((o) => !good.has(o.index)), ...stoppedOrPending].sort(byIndex),
  };
}

/**
 * Whether a trial is still a prior draw: until `nStartup` trials have been started (finished with a value, or
 * running), and while fewer than half of them have finished. Counting running trials keeps the random startup at
 * `nStartup` trials with `--parallel N` (Optuna counts finished trials only, which makes it `nStartup + N - 1`);
 * the half keeps a wide search (N close to `nStartup`) from modelling a handful of results.
 */
export function inStartup(finished: number, running: number, nStartup: number): boolean {
  return finished + running < Math.max(1, nStartup) || finished < Math.max(1, Math.ceil(nStartup / 2));
}

function internalOf(space: NumericSpace, value: number): number {
  const x = toInternal(space, value);
  if (Number.isFinite(x)) return x;
  // A quantised log value rounded to 0: place it at the lower edge.
  return Number.isFinite(space.low) ? space.low : toInternal(space, (space.q ?? 1) / 2);
}

function binOf(space: NumericSpace, value: number): [number, number] | undefined {
  if (space.q === null) return undefined;
  let a = toInternal(space, value - space.q / 2);
  let b = toInternal(space, value + space.q / 2);
  if (Number.isNaN(a)) a = Number.NEGATIVE_INFINITY; // log of a negative bin edge
  if (a > b) [a, b] = [b, a];
  return [Math.max(space.low, a), Math.min(space.high, b)];
}

type Searched = NumericParam | CategoricalParam;

interface Coder {
  axis: ParzenAxis;
  /** The observed value on the axis, or undefined when the trial has no usable value for the parameter. */
  encode(value: unknown): number | undefined;
  /** A sampled coordinate turned into the parameter's value and the point l/g are evaluated at. */
  decode(coord: number): { value: unknown; x: number; bin: [number, number] | undefined };
}

function coderOf(p: Searched): Coder {
  if (p.kind === 'categorical') {
    return {
      axis: { kind: 'categorical', prior: p.probabilities },
      encode: (value) => {
        const at = p.values.findIndex((v) => deepEqual(v, value));
        return at >= 0 ? at : undefined;
      },
      decode: (coord) => ({ value: p.values[coord], x: coord, bin: undefined }),
    };
  }
  const space = numericSpace(p);
  return {
    axis: { kind: 'numeric', low: space.low, high: space.high, priorMu: space.priorMu, priorSigma: space.priorSigma },
    encode: (value) => (typeof value === 'number' && Number.isFinite(value) ? internalOf(space, value) : undefined),
    decode: (coord) => {
      const value = valueAtInternal(p, space, coord);
      const x = space.q === null ? toInternal(space, value) : internalOf(space, value);
      return { value, x, bin: binOf(space, value) };
    },
  };
}

/**
 * Proposes values for `params` jointly: l(x) from the good group, g(x) from the rest, `candidates` draws from
 * l(x), the one with the largest log l(x) − log g(x) wins. An observation lacking a usable value for any of the
 * parameters is left out of both estimators.
 */
function suggestJointly(
  params: readonly Searched[],
  below: readonly Observation[],
  above: readonly Observation[],
  options: TpeOptions,
  candidates: number,
  rng: Rng,
): TrialParams {
  const coders = params.map(coderOf);
  const axes = coders.map((c) => c.axis);
  const points = (group: readonly Observation[]) => {
    const out: number[][] = [];
    for (const o of group) {
      const coords = params.map((p, d) => coders[d]!.encode(o.params[p.name]));
      if (coords.every((v) => v !== undefined)) out.push(coords as number[]);
    }
    return out;
  };
  const estimatorOptions = { priorWeight: options.prior_weight, linearForgetting: options.linear_forgetting };
  const l = buildProductParzen(axes, points(below), estimatorOptions);
  const g = buildProductParzen(axes, points(above), estimatorOptions);
  let best: unknown[] = [];
  let bestScore = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < candidates; i++) {
    const decoded = sampleProductParzen(l, rng).map((coord, d) => coders[d]!.decode(coord));
    const point: ParzenPoint = { coords: decoded.map((v) => v.x), bins: decoded.map((v) => v.bin) };
    const score = productParzenLogPdf(l, point) - productParzenLogPdf(g, point);
    if (score > bestScore || best.length === 0) {
      best = decoded.map((v) => v.value);
      bestScore = score;
    }
  }
  return Object.fromEntries(params.map((p, d) => [p.name, best[d]]));
}

/**
 * W&B's `bayes` method, implemented as the Tree-structured Parzen Estimator with Optuna's defaults (see
 * docs/recipe-search.md): the first `n_startup_trials` draw from the priors (see {@link inStartup}); after that,
 * finished observations are split into the best `ceil(gamma · n)` and the rest (running trials join the rest: the
 * constant liar), two Parzen estimators l(x) and g(x) are built, `n_ei_candidates` (`n_ei_candidates_pending` while
 * other trials run) are drawn from l(x), and the one maximising l(x)/g(x) wins.
 * With `multivariate` (the default) the estimators model all parameters jointly (Falkner et al. 2018); without it
 * each parameter on its own (hyperopt). Numeric parameters are modelled on their log axis for log distributions and
 * by bin probability when quantised; categorical ones with a smoothed one-hot kernel. Seeded by (seed, trial index).
 */
export function tpeSampler(sweep: Pick<Sweep, 'parameters' | 'seed' | 'tpe'>): Sampler {
  const options = sweep.tpe;
  const searched = sweep.parameters.filter((p): p is Searched => p.kind !== 'constant');
  const groups = options.multivariate ? [searched] : searched.map((p) => [p]);
  return {
    size: undefined,
    suggest(index, observations): TrialParams {
      const finished = observations.filter(
        (o) => o.state === 'finished' && o.loss !== null && Number.isFinite(o.loss),
      ).length;
      const running = observations.filter((o) => o.state === 'running').length;
      if (inStartup(finished, running, options.n_startup_trials))
        return samplePriorParams(sweep.parameters, createRng(sweep.seed, index));
      const { below, above } = splitObservations(observations, options);
      const rng = createRng(sweep.seed, index, 0x79e);
      const candidates = running > 0 ? options.n_ei_candidates_pending : options.n_ei_candidates;
      const proposed: TrialParams = {};
      for (const group of groups) {
        if (group.length > 0) Object.assign(proposed, suggestJointly(group, below, above, options, candidates, rng));
      }
      const out: TrialParams = {};
      for (const p of sweep.parameters) out[p.name] = p.kind === 'constant' ? p.value : proposed[p.name];
      return out;
    },
  };
}
