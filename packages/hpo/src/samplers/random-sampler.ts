import { createRng, type Rng, weightedIndex } from '../rng/prng.ts';
import { samplePrior } from '../sweep/space.ts';
import type { ParamSpec, Sweep } from '../sweep/sweep-types.ts';
import type { Sampler, TrialParams } from './sampler.ts';

/** Draws one value of `p` from its prior (categorical values by their probabilities). */
export function sampleParam(p: ParamSpec, rng: Rng): unknown {
  if (p.kind === 'constant') return p.value;
  if (p.kind === 'categorical') return p.values[weightedIndex(rng, p.probabilities)];
  return samplePrior(p, rng);
}

/** Draws every parameter from its prior with `rng`. */
export function samplePriorParams(parameters: readonly ParamSpec[], rng: Rng): TrialParams {
  const out: TrialParams = {};
  for (const p of parameters) out[p.name] = sampleParam(p, rng);
  return out;
}

/** W&B's `random` method: every trial draws each parameter from its distribution, seeded by (seed, index). */
export function randomSampler(sweep: Pick<Sweep, 'parameters' | 'seed'>): Sampler {
  return {
    size: undefined,
    suggest: (index) => samplePriorParams(sweep.parameters, createRng(sweep.seed, index)),
  };
}
