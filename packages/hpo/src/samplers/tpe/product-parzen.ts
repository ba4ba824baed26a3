import { logGaussMass, normalCdf, normalQuantile } from '../../math/normal.ts';
import { type Rng, uniform, weightedIndex } from '../../rng/prng.ts';
import { linearForgettingWeights } from './parzen.ts';

/**
 * One dimension of a Parzen estimator as the TPE sampler sees it: a numeric axis (already on its internal, possibly
 * log, scale) or a categorical choice index.
 */
export type ParzenAxis =
  | {
      kind: 'numeric';
      /** Bounds on the internal axis (either may be infinite for the normal family). */
      low: number;
      high: number;
      /** The prior's centre and spread; for bounded axes the midpoint and the width. */
      priorMu: number;
      priorSigma: number;
    }
  | {
      kind: 'categorical';
      /** The prior probability of each choice (uniform unless the sweep gave `probabilities`). */
      prior: readonly number[];
    };

/**
 * A point on the estimator's axes: the internal coordinate of a numeric axis (with its bin on that axis when the
 * parameter is quantised) or the index of a categorical choice.
 */
export interface ParzenPoint {
  coords: number[];
  /** Per axis: `[binLow, binHigh]` on the internal axis for a quantised value, else undefined. */
  bins: ([number, number] | undefined)[];
}

interface NumericKernels {
  kind: 'numeric';
  low: number;
  high: number;
  mus: Float64Array;
  sigmas: Float64Array;
  logSigmas: Float64Array;
  /** log of each component's mass inside [low, high]: precomputed once, never per candidate. */
  logMass: Float64Array;
  /** Φ at the bounds per component, for inverse-CDF sampling. */
  cdfLow: Float64Array;
  cdfHigh: Float64Array;
}

interface CategoricalKernels {
  kind: 'categorical';
  /** probs[component][choice]. */
  probs: number[][];
  logProbs: number[][];
}

/**
 * A mixture of product kernels (Falkner et al. 2018; Optuna's multivariate TPE): component `c` is one observation
 * (or the prior) and is the product, over every axis, of a truncated normal (numeric) or a smoothed one-hot
 * distribution (categorical). Sampling picks a component and draws every axis from it, so correlations between
 * parameters that the good trials share are kept.
 */
export interface ProductParzen {
  /** Normalised component weights, the prior last. */
  weights: number[];
  logWeights: Float64Array;
  axes: (NumericKernels | CategoricalKernels)[];
}

/** Options of {@link buildProductParzen}. */
export interface ProductParzenOptions {
  /** Weight of the prior component relative to a (fully weighted) observation. */
  priorWeight: number;
  /** Observations beyond this many (oldest first) get ramped-down weights. */
  linearForgetting: number;
}

/**
 * Per-axis bandwidths the way Optuna computes them: the larger distance to the sorted neighbours, the bounds used as
 * neighbours only when there is a single observation (`consider_endpoints=False`), clipped to
 * `[width / min(100, 1 + kernels), width]` (hyperopt's "magic clip"; kernels counts the prior).
 */
export function neighbourBandwidths(mus: readonly number[], low: number, high: number, width: number): number[] {
  const n = mus.length;
  const order = mus.map((_, i) => i).sort((a, b) => mus[a]! - mus[b]!);
  const withEnds = [low, ...order.map((i) => mus[i]!), high];
  const sorted = new Array<number>(n);
  for (let k = 0; k < n; k++) {
    sorted[k] = Math.max(withEnds[k + 1]! - withEnds[k]!, withEnds[k + 2]! - withEnds[k + 1]!);
  }
  if (n >= 2) {
    sorted[0] = withEnds[2]! - withEnds[1]!;
    sorted[n - 1] = withEnds[n]! - withEnds[n - 1]!;
  }
  const minSigma = width / Math.min(100, 1 + (n + 1));
  const out = new Array<number>(n);
  order.forEach((obsIndex, k) => {
    out[obsIndex] = Math.min(width, Math.max(minSigma, sorted[k]!));
  });
  return out;
}

/**
 * Builds the estimator from `points` (observations, oldest first) over `axes`: one component per observation with
 * linear-forgetting weights, plus the prior component weighted `priorWeight`. With no observation it is the prior
 * alone.
 */
export function buildProductParzen(
  axes: readonly ParzenAxis[],
  points: readonly (readonly number[])[],
  options: ProductParzenOptions,
): ProductParzen {
  const n = points.length;
  const raw = n === 0 ? [1] : [...linearForgettingWeights(n, options.linearForgetting), options.priorWeight];
  const total = raw.reduce((s, w) => s + w, 0);
  const weights = raw.map((w) => w / total);
  const kernels = n + 1;
  const built = axes.map((axis, d): NumericKernels | CategoricalKernels => {
    const column = points.map((p) => p[d]!);
    if (axis.kind === 'categorical') {
      const k = axis.prior.length;
      const probs: number[][] = column.map((choice) => {
        const row = axis.prior.map((p) => (options.priorWeight / kernels) * k * p);
        row[choice]! += 1;
        const sum = row.reduce((s, v) => s + v, 0);
        return row.map((v) => v / sum);
      });
      probs.push([...axis.prior]);
      return { kind: 'categorical', probs, logProbs: probs.map((row) => row.map((v) => Math.log(v))) };
    }
    const sigmas = n === 0 ? [] : neighbourBandwidths(column, axis.low, axis.high, axis.priorSigma);
    const mus = Float64Array.from([...column, axis.priorMu]);
    const sig = Float64Array.from([...sigmas, axis.priorSigma]);
    const m = mus.length;
    const logMass = new Float64Array(m);
    const cdfLow = new Float64Array(m);
    const cdfHigh = new Float64Array(m);
    for (let c = 0; c < m; c++) {
      const a = (axis.low - mus[c]!) / sig[c]!;
      const b = (axis.high - mus[c]!) / sig[c]!;
      logMass[c] = logGaussMass(a, b);
      cdfLow[c] = normalCdf(a);
      cdfHigh[c] = normalCdf(b);
    }
    const logSigmas = sig.map((v) => Math.log(v));
    return { kind: 'numeric', low: axis.low, high: axis.high, mus, sigmas: sig, logSigmas, logMass, cdfLow, cdfHigh };
  });
  return { weights, logWeights: Float64Array.from(weights, (w) => Math.log(w)), axes: built };
}

/**
 * Draws one point: a component by weight, then every axis from that component (numeric axes by inverting the
 * truncated normal's CDF; the component's mass inside the bounds is at least Φ(1) − Φ(0), since its centre lies
 * inside and its bandwidth is at most the width).
 */
export function sampleProductParzen(model: ProductParzen, rng: Rng): number[] {
  const c = weightedIndex(rng, model.weights);
  return model.axes.map((axis) => {
    if (axis.kind === 'categorical') return weightedIndex(rng, axis.probs[c]!);
    const mu = axis.mus[c]!;
    const sigma = axis.sigmas[c]!;
    const z = normalQuantile(uniform(rng, axis.cdfLow[c]!, axis.cdfHigh[c]!));
    // A uniform draw of exactly 0 on an unbounded axis would give -Infinity.
    if (!Number.isFinite(z)) return mu;
    return Math.min(axis.high, Math.max(axis.low, mu + sigma * z));
  });
}

const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

/**
 * `log p(point)`: the log-sum-exp over components of the component's log-weight plus, per axis, the truncated
 * normal's log-density (or, for a quantised axis, the log-mass of the value's bin), or the categorical log-probability.
 */
export function productParzenLogPdf(model: ProductParzen, point: ParzenPoint): number {
  const m = model.weights.length;
  const terms = Float64Array.from(model.logWeights);
  model.axes.forEach((axis, d) => {
    const x = point.coords[d]!;
    if (axis.kind === 'categorical') {
      for (let c = 0; c < m; c++) terms[c]! += axis.logProbs[c]![x]!;
      return;
    }
    const bin = point.bins[d];
    for (let c = 0; c < m; c++) {
      const mu = axis.mus[c]!;
      const s = axis.sigmas[c]!;
      let t: number;
      if (bin) t = logGaussMass((bin[0] - mu) / s, (bin[1] - mu) / s);
      else {
        const z = (x - mu) / s;
        t = -0.5 * z * z - axis.logSigmas[c]! - LOG_SQRT_2PI;
      }
      terms[c]! += t - axis.logMass[c]!;
    }
  });
  let max = Number.NEGATIVE_INFINITY;
  for (const t of terms) if (t > max) max = t;
  if (max === Number.NEGATIVE_INFINITY) return max;
  let sum = 0;
  for (const t of terms) sum += Math.exp(t - max);
  return max + Math.log(sum);
}
