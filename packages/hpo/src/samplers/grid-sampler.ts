import { ConfigProblems, configError, type DjSandboxError } from '@dj-sandbox/core';
import { quantize } from '../sweep/space.ts';
import type { ParamSpec, Sweep } from '../sweep/sweep-types.ts';
import { renderPath } from '../sweep/zod-problems.ts';
import type { Sampler, TrialParams } from './sampler.ts';

const GRID_DISTRIBUTIONS = ['constant', 'categorical', 'int_uniform', 'q_uniform'];

/**
 * The finite values of a parameter on a grid (W&B's grid-compatible distributions): constants, `values`,
 * `int_uniform` (every integer from min to max) and `q_uniform` (min, min + q, ... up to max, quantised).
 */
export function gridValues(p: ParamSpec): unknown[] | undefined {
  if (p.kind === 'constant') return [p.value];
  if (p.kind === 'categorical') return p.values;
  if (p.distribution === 'int_uniform') return Array.from({ length: p.max - p.min + 1 }, (_, i) => p.min + i);
  if (p.distribution === 'q_uniform' && p.q !== null) {
    const out: number[] = [];
    const steps = Math.floor((p.max - p.min) / p.q + 1e-9);
    for (let i = 0; i <= steps; i++) out.push(quantize(p.min + i * p.q, p.q));
    return [...new Set(out)];
  }
  return undefined;
}

/**
 * W&B's `grid` method: the cartesian product of every parameter's values, the last parameter varying fastest
 * (Python's `itertools.product`). Trial `index` gets combination `index`. A parameter with no finite value set
 * is a config error that names it.
 */
export function gridSampler(sweep: Pick<Sweep, 'parameters'>): Sampler {
  const problems: DjSandboxError[] = [];
  const axes = sweep.parameters.map((p) => {
    const values = gridValues(p);
    if (!values) {
      problems.push(
        configError(
          'grid-infinite',
          `method grid cannot enumerate distribution ${(p as { distribution: string }).distribution}.`,
          {
            path: renderPath(['parameters', p.name]),
            expected: `a finite set: ${GRID_DISTRIBUTIONS.join(', ')}`,
            received: p.kind === 'numeric' ? { distribution: p.distribution, min: p.min, max: p.max } : p,
            fix: 'List the values to try (values: [...]), use q_uniform, or use method random or bayes.',
          },
        ),
      );
    }
    return { name: p.name, values: values ?? [] };
  });
  if (problems.length > 0) throw new ConfigProblems(problems);
  const size = axes.reduce((n, a) => n * a.values.length, 1);
  return {
    size,
    suggest(index): TrialParams {
      const out: TrialParams = {};
      let rest = index % size;
      for (let i = axes.length - 1; i >= 0; i--) {
        const axis = axes[i]!;
        out[axis.name] = axis.values[rest % axis.values.length];
        rest = Math.floor(rest / axis.values.length);
      }
      return Object.fromEntries(axes.map((a) => [a.name, out[a.name]]));
    },
  };
}
