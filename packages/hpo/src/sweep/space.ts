import { beta, type Rng, standardNormal, uniform } from '../rng/prng.ts';
import type { NumericParam } from './sweep-types.ts';

/**
 * A numeric parameter seen from the samplers: values map to an internal axis (`identity`, `log` or `neglog`,
 * i.e. `-ln x` for W&B's inverse log-uniform), on which the prior is uniform on `[low, high]` or normal
 * (`priorMu`, `priorSigma`, unbounded). Quantised parameters round in value space: `round(x / q) * q`.
 */
export interface NumericSpace {
  transform: 'identity' | 'log' | 'neglog';
  low: number;
  high: number;
  /** The prior's centre and spread on the internal axis (hyperopt: the midpoint and the width for bounded dims). */
  priorMu: number;
  priorSigma: number;
  /** Quantisation step in value space, or null. */
  q: number | null;
}

/** The internal axis of a numeric parameter (see {@link NumericSpace}). */
export function numericSpace(p: NumericParam): NumericSpace {
  const d = p.distribution;
  const q = d === 'int_uniform' ? 1 : p.q;
  const bounded = (transform: NumericSpace['transform'], low: number, high: number): NumericSpace => ({
    transform,
    low,
    high,
    priorMu: (low + high) / 2,
    priorSigma: high - low,
    q,
  });
  switch (d) {
    case 'int_uniform':
      // Each integer owns [k - 0.5, k + 0.5], so min and max are as likely as the integers between them.
      return bounded('identity', p.min - 0.5, p.max + 0.5);
    case 'uniform':
    case 'q_uniform':
      return bounded('identity', p.min, p.max);
    case 'log_uniform':
    case 'q_log_uniform':
      return bounded('log', p.min, p.max);
    case 'log_uniform_values':
    case 'q_log_uniform_values':
      return bounded('log', Math.log(p.min), Math.log(p.max));
    case 'inv_log_uniform':
      return bounded('neglog', p.min, p.max);
    case 'inv_log_uniform_values':
      return bounded('neglog', -Math.log(p.max), -Math.log(p.min));
    case 'beta':
    case 'q_beta':
      return bounded('identity', 0, 1);
    case 'normal':
    case 'q_normal':
      return { transform: 'identity', low: -Infinity, high: Infinity, priorMu: p.mu, priorSigma: p.sigma, q };
    case 'log_normal':
    case 'q_log_normal':
      return { transform: 'log', low: -Infinity, high: Infinity, priorMu: p.mu, priorSigma: p.sigma, q };
  }
}

/** Maps a value to the internal axis. */
export function toInternal(space: NumericSpace, value: number): number {
  if (space.transform === 'log') return Math.log(value);
  if (space.transform === 'neglog') return -Math.log(value);
  return value;
}

/** Maps an internal coordinate back to a value (before quantisation). */
export function fromInternal(space: NumericSpace, x: number): number {
  if (space.transform === 'log') return Math.exp(x);
  if (space.transform === 'neglog') return Math.exp(-x);
  return x;
}

/** numpy's `round` (half to even), which W&B's quantisation uses. */
export function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** `round(x / q) * q`, with the float noise of `k * q` removed (3 × 0.1 gives 0.3, not 0.30000000000000004). */
export function quantize(x: number, q: number): number {
  const k = roundHalfEven(x / q);
  return Number((k * q).toPrecision(12));
}

/** Turns an internal coordinate into the parameter's value: back-transform, quantise, clip integers to range. */
export function valueAtInternal(p: NumericParam, space: NumericSpace, x: number): number {
  const v = fromInternal(space, x);
  if (space.q === null) return v;
  const out = quantize(v, space.q);
  if (p.distribution === 'int_uniform') return Math.min(p.max, Math.max(p.min, out));
  return out;
}

/**
 * Draws a value from the parameter's own distribution, with W&B's semantics: `log_uniform` draws
 * `exp(U(min, max))`, `inv_log_uniform` draws `exp(-U(min, max))`, `int_uniform` an integer in `[min, max]`, the
 * `q_` forms `round(X / q) * q`, the normal family `mu + sigma·N(0, 1)` (exponentiated for log-normal), beta
 * `Beta(a, b)`.
 */
export function samplePrior(p: NumericParam, rng: Rng): number {
  const space = numericSpace(p);
  switch (p.distribution) {
    case 'int_uniform':
      return p.min + Math.min(p.max - p.min, Math.floor(rng.next() * (p.max - p.min + 1)));
    case 'normal':
    case 'q_normal':
    case 'log_normal':
    case 'q_log_normal':
      return valueAtInternal(p, space, p.mu + p.sigma * standardNormal(rng));
    case 'beta':
    case 'q_beta':
      return valueAtInternal(p, space, beta(rng, p.a, p.b));
    default:
      return valueAtInternal(p, space, uniform(rng, space.low, space.high));
  }
}
