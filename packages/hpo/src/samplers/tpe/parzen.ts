/**
 * Hyperopt's one-dimensional adaptive Parzen estimator, kept as a public building block. The TPE sampler itself
 * uses the joint estimator in product-parzen.ts (Optuna's bandwidth rule); it shares linear forgetting from here.
 */
import { normalCdf, normalLogPdf, normalQuantile } from '../../math/normal.ts';
import { type Rng, uniform, weightedIndex } from '../../rng/prng.ts';

/** A mixture of normals truncated to `[low, high]` (either may be infinite): a Parzen estimator. */
export interface Mixture {
  weights: number[];
  mus: number[];
  sigmas: number[];
  low: number;
  high: number;
}

/**
 * Hyperopt's linear forgetting: with more than `lf` observations, the oldest `n - lf` get weights ramping from
 * `1/n` up to 1, the newest `lf` weigh 1.
 */
export function linearForgettingWeights(n: number, lf: number): number[] {
  if (n <= lf) return Array.from({ length: n }, () => 1);
  const ramp = n - lf;
  const out: number[] = [];
  for (let i = 0; i < ramp; i++) out.push(ramp === 1 ? 1 / n : 1 / n + ((1 - 1 / n) * i) / (ramp - 1));
  for (let i = 0; i < lf; i++) out.push(1);
  return out;
}

/**
 * Hyperopt's `adaptive_parzen_normal`: one component per observation plus the prior, sorted by position. Each
 * component's bandwidth is the larger distance to its sorted neighbours, clipped to
 * `[priorSigma / min(100, 1 + n_components), priorSigma]`; the prior keeps `priorSigma`. Weights come from linear
 * forgetting over `mus` (given oldest first) and `priorWeight` for the prior, normalised.
 */
export function adaptiveParzen(
  mus: readonly number[],
  options: { priorWeight: number; priorMu: number; priorSigma: number; lf: number; low: number; high: number },
): Mixture {
  const { priorWeight, priorMu, priorSigma, low, high } = options;
  const obsWeights = linearForgettingWeights(mus.length, options.lf);
  const items = mus.map((mu, i) => ({ mu, w: obsWeights[i]!, prior: false }));
  items.push({ mu: priorMu, w: priorWeight, prior: true });
  // Stable: the prior sits after equal observations, as numpy's searchsorted(side='left') puts it before them;
  // the order only affects which neighbour distances a tie sees, and ties give distance 0 either way.
  items.sort((a, b) => a.mu - b.mu);
  const n = items.length;
  const sorted = items.map((it) => it.mu);
  const sigmas = new Array<number>(n).fill(priorSigma);
  if (n === 2) {
    for (let i = 0; i < 2; i++) sigmas[i] = items[i]!.prior ? priorSigma : priorSigma * 0.5;
  } else if (n > 2) {
    for (let i = 1; i < n - 1; i++) sigmas[i] = Math.max(sorted[i]! - sorted[i - 1]!, sorted[i + 1]! - sorted[i]!);
    sigmas[0] = sorted[1]! - sorted[0]!;
    sigmas[n - 1] = sorted[n - 1]! - sorted[n - 2]!;
  }
  const maxSigma = priorSigma;
  const minSigma = priorSigma / Math.min(100, 1 + n);
  for (let i = 0; i < n; i++) {
    sigmas[i] = items[i]!.prior ? priorSigma : Math.min(maxSigma, Math.max(minSigma, sigmas[i]!));
  }
  const total = items.reduce((s, it) => s + it.w, 0);
  return { weights: items.map((it) => it.w / total), mus: sorted, sigmas, low, high };
}

/** A draw from N(mu, sigma) truncated to [low, high], by inverting the CDF (on the side of the lower tail). */
export function sampleTruncatedNormal(rng: Rng, mu: number, sigma: number, low: number, high: number): number {
  let a = (low - mu) / sigma;
  let b = (high - mu) / sigma;
  const flip = a > 0; // in the upper tail, work on the mirrored interval where the CDF keeps its precision
  if (flip) [a, b] = [-b, -a];
  const ca = normalCdf(a);
  const cb = normalCdf(b);
  let z: number;
  if (cb - ca > 1e-14) z = normalQuantile(uniform(rng, ca, cb));
  else z = Number.isFinite(a) ? a : b;
  z = Math.min(b, Math.max(a, z));
  return mu + sigma * (flip ? -z : z);
}

/** A draw from the mixture: a component by weight, then its truncated normal. */
export function sampleMixture(m: Mixture, rng: Rng): number {
  const i = weightedIndex(rng, m.weights);
  return sampleTruncatedNormal(rng, m.mus[i]!, m.sigmas[i]!, m.low, m.high);
}

function componentMass(m: Mixture, i: number): number {
  const s = m.sigmas[i]!;
  return normalCdf((m.high - m.mus[i]!) / s) - normalCdf((m.low - m.mus[i]!) / s);
}

/**
 * Log-density of the mixture at `x` or, for a quantised parameter, the log-probability of the bin `[binLow,
 * binHigh]` (hyperopt's `GMM1_lpdf` / `LGMM1_lpdf` with `q`). Each component is renormalised by its mass inside
 * the bounds. Bins so far in the tails that their mass underflows fall back to density times width.
 */
export function mixtureLogLikelihood(m: Mixture, x: number, bin?: readonly [number, number]): number {
  if (bin) {
    let p = 0;
    for (let i = 0; i < m.weights.length; i++) {
      const s = m.sigmas[i]!;
      const mass = componentMass(m, i);
      if (mass <= 0) continue;
      p += (m.weights[i]! * (normalCdf((bin[1] - m.mus[i]!) / s) - normalCdf((bin[0] - m.mus[i]!) / s))) / mass;
    }
    if (p > 1e-300) return Math.log(p);
    const width = bin[1] - bin[0];
    if (!(width > 0 && Number.isFinite(width))) return Math.log(1e-300);
    return mixtureLogLikelihood(m, x) + Math.log(width);
  }
  let max = Number.NEGATIVE_INFINITY;
  const terms: number[] = [];
  for (let i = 0; i < m.weights.length; i++) {
    const mass = componentMass(m, i);
    const t = Math.log(m.weights[i]!) + normalLogPdf(x, m.mus[i]!, m.sigmas[i]!) - Math.log(mass > 0 ? mass : 1e-300);
    terms.push(t);
    if (t > max) max = t;
  }
  if (max === Number.NEGATIVE_INFINITY) return max;
  let sum = 0;
  for (const t of terms) sum += Math.exp(t - max);
  return max + Math.log(sum);
}
