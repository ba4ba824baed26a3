import { deepEqual } from '@dj-sandbox/core';
import { createRng, type Rng, weightedIndex } from '../../rng/prng.ts';
import { type NumericSpace, numericSpace, toInternal, valueAtInternal } from '../../sweep/space.ts';
import type { CategoricalParam, NumericParam, Sweep, TpeOptions } from '../../sweep/sweep-types.ts';
import { samplePriorParams } from '../random-sampler.ts';
import type { Observation, Sampler, TrialParams } from '../sampler.ts';
import {
  adaptiveParzen,
  linearForgettingWeights,
  type Mixture,
  mixtureLogLikelihood,
  sampleMixture,
} from './parzen.ts';

/**
 * How many of `n` observations form the "good" group l(x): the gamma quantile, `ceil(gamma · n)`, at least 1 and
 * capped at hyperopt's linear-forgetting constant (25).
 */
export function nBelow(n: number, options: Pick<TpeOptions, 'gamma' | 'linear_forgetting'>): number {
  return Math.max(1, Math.min(Math.ceil(options.gamma * n), options.linear_forgetting));
}

/** Splits observations into the good group (lowest losses) and the rest, each in trial order (oldest first). */
export function splitObservations(
  observations: readonly Observation[],
  options: Pick<TpeOptions, 'gamma' | 'linear_forgetting'>,
): { below: Observation[]; above: Observation[] } {
  const finished = observations.filter((o) => o.state === 'finished' && o.loss !== null && Number.isFinite(o.loss));
  const ranked = [...finished].sort((a, b) => a.loss! - b.loss! || a.index - b.index);
  const k = nBelow(finished.length, options);
  const good = new Set(ranked.slice(0, k).map((o) => o.index));
  const byIndex = (a: Observation, b: Observation) => a.index - b.index;
  // Trials hyperband stopped early count as bad evidence: they were stopped for being weak.
  const stopped = observations.filter((o) => o.state === 'stopped');
  return {
    below: finished.filter((o) => good.has(o.index)).sort(byIndex),
    above: [...finished.filter((o) => !good.has(o.index)), ...stopped].sort(byIndex),
  };
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

function suggestNumeric(
  p: NumericParam,
  below: readonly Observation[],
  above: readonly Observation[],
  options: TpeOptions,
  rng: Rng,
): number {
  const space = numericSpace(p);
  const xs = (group: readonly Observation[]) =>
    group
      .map((o) => o.params[p.name])
      .filter((v): v is number => typeof v === 'number')
      .map((v) => internalOf(space, v));
  const common = {
    priorWeight: options.prior_weight,
    priorMu: space.priorMu,
    priorSigma: space.priorSigma,
    lf: options.linear_forgetting,
    low: space.low,
    high: space.high,
  };
  const l: Mixture = adaptiveParzen(xs(below), common);
  const g: Mixture = adaptiveParzen(xs(above), common);
  let best = Number.NaN;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < options.n_ei_candidates; i++) {
    const value = valueAtInternal(p, space, sampleMixture(l, rng));
    const x = space.q === null ? toInternal(space, value) : internalOf(space, value);
    const bin = binOf(space, value);
    const score = mixtureLogLikelihood(l, x, bin) - mixtureLogLikelihood(g, x, bin);
    if (score > bestScore || Number.isNaN(best)) {
      best = value;
      bestScore = score;
    }
  }
  return best;
}

function categoricalProbs(p: CategoricalParam, group: readonly Observation[], options: TpeOptions): number[] {
  const weights = linearForgettingWeights(group.length, options.linear_forgetting);
  const k = p.values.length;
  // Hyperopt's pseudocounts: prior_weight per category (scaled by the sweep's probabilities when it gave some).
  const counts = p.probabilities.map((q) => options.prior_weight * q * k);
  group.forEach((o, i) => {
    const at = p.values.findIndex((v) => deepEqual(v, o.params[p.name]));
    if (at >= 0) counts[at]! += weights[i]!;
  });
  const total = counts.reduce((s, c) => s + c, 0);
  return counts.map((c) => c / total);
}

function suggestCategorical(
  p: CategoricalParam,
  below: readonly Observation[],
  above: readonly Observation[],
  options: TpeOptions,
  rng: Rng,
): unknown {
  const l = categoricalProbs(p, below, options);
  const g = categoricalProbs(p, above, options);
  let best = -1;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < options.n_ei_candidates; i++) {
    const c = weightedIndex(rng, l);
    const score = Math.log(l[c]!) - Math.log(g[c]!);
    if (score > bestScore || best < 0) {
      best = c;
      bestScore = score;
    }
  }
  return p.values[best];
}

/**
 * W&B's `bayes` method, implemented as the Tree-structured Parzen Estimator (Bergstra et al. 2011, as in hyperopt):
 * the first `n_startup_trials` draw from the priors; after that, observations are split at the gamma quantile into
 * good and bad groups, each parameter gets two adaptive Parzen estimators l(x) and g(x) (truncated to its bounds,
 * on its log axis for log distributions, with bin probabilities for quantised ones, pseudocounts for categorical
 * ones), `n_ei_candidates` are drawn from l(x), and the one maximising l(x)/g(x) wins. Parameters are modelled
 * independently (hyperopt's default). Seeded by (seed, trial index).
 */
export function tpeSampler(sweep: Pick<Sweep, 'parameters' | 'seed' | 'tpe'>): Sampler {
  const options = sweep.tpe;
  return {
    size: undefined,
    suggest(index, observations): TrialParams {
      const usable = observations.filter((o) => o.state === 'finished' && o.loss !== null && Number.isFinite(o.loss));
      if (usable.length < Math.max(1, options.n_startup_trials))
        return samplePriorParams(sweep.parameters, createRng(sweep.seed, index));
      const { below, above } = splitObservations(observations, options);
      const rng = createRng(sweep.seed, index, 0x79e);
      const out: TrialParams = {};
      for (const p of sweep.parameters) {
        if (p.kind === 'constant') out[p.name] = p.value;
        else if (p.kind === 'categorical') out[p.name] = suggestCategorical(p, below, above, options, rng);
        else out[p.name] = suggestNumeric(p, below, above, options, rng);
      }
      return out;
    },
  };
}
