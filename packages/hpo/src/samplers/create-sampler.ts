import type { Sweep } from '../sweep/sweep-types.ts';
import { gridSampler } from './grid-sampler.ts';
import { randomSampler } from './random-sampler.ts';
import type { Sampler } from './sampler.ts';
import { tpeSampler } from './tpe/tpe-sampler.ts';

/** The sampler of a sweep's `method`: grid, random, or TPE for bayes. */
export function createSampler(sweep: Sweep): Sampler {
  if (sweep.method === 'grid') return gridSampler(sweep);
  if (sweep.method === 'random') return randomSampler(sweep);
  return tpeSampler(sweep);
}
