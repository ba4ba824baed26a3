import { configError, type DjSandboxError } from '@dj-sandbox/core';
import { parameterSchema } from './sweep-schema.ts';
import type { NumericDistribution, ParamSpec } from './sweep-types.ts';
import { renderPath, zodProblems } from './zod-problems.ts';

const MIN_MAX = ['min', 'max'];
const NORMAL = ['mu', 'sigma'];
const BETA = ['a', 'b'];

/** The keys each distribution accepts besides `distribution` (W&B's per-distribution schemas). */
const ALLOWED: Record<string, readonly string[]> = {
  constant: ['value'],
  categorical: ['values', 'probabilities'],
  categorical_w_probabilities: ['values', 'probabilities'],
  int_uniform: MIN_MAX,
  uniform: MIN_MAX,
  q_uniform: [...MIN_MAX, 'q'],
  log_uniform: MIN_MAX,
  log_uniform_values: MIN_MAX,
  q_log_uniform: [...MIN_MAX, 'q'],
  q_log_uniform_values: [...MIN_MAX, 'q'],
  inv_log_uniform: MIN_MAX,
  inv_log_uniform_values: MIN_MAX,
  normal: NORMAL,
  q_normal: [...NORMAL, 'q'],
  log_normal: NORMAL,
  q_log_normal: [...NORMAL, 'q'],
  beta: BETA,
  q_beta: [...BETA, 'q'],
};

/** Distributions whose `min`/`max` are values that must be positive (their logarithm is taken). */
const POSITIVE_BOUNDS = new Set(['log_uniform_values', 'q_log_uniform_values', 'inv_log_uniform_values']);

function inferDistribution(entry: Record<string, unknown>): string | undefined {
  if (typeof entry.distribution === 'string') return entry.distribution;
  if ('value' in entry) return 'constant';
  if ('values' in entry) return 'categorical';
  if (typeof entry.min === 'number' && typeof entry.max === 'number')
    return Number.isInteger(entry.min) && Number.isInteger(entry.max) ? 'int_uniform' : 'uniform';
  return undefined;
}

/**
 * Validates one `parameters:` entry and appends the specs it defines to `out` (nested `parameters:` become dotted
 * keys, as W&B nests them into the run config). Problems are appended to `problems`; nothing is thrown.
 */
export function normalizeParameter(name: string, raw: unknown, out: ParamSpec[], problems: DjSandboxError[]): void {
  const pathParts = ['parameters', name];
  const path = renderPath(pathParts);
  const parsed = parameterSchema.safeParse(raw);
  if (!parsed.success) {
    problems.push(...zodProblems(parsed.error.issues, raw, pathParts, Object.keys(parameterSchema.shape)));
    return;
  }
  const entry = parsed.data as Record<string, unknown>;
  if (entry.parameters) {
    const others = Object.keys(entry).filter((k) => k !== 'parameters');
    if (others.length > 0) {
      problems.push(
        configError('sweep-nested-mixed', 'a nested parameter has other keys beside "parameters".', {
          path,
          expected: 'only a "parameters" mapping',
          received: others,
          fix: 'Move the distribution keys into the nested parameters.',
        }),
      );
    }
    for (const key of Object.keys(entry.parameters as object).sort())
      normalizeParameter(`${name}.${key}`, (entry.parameters as Record<string, unknown>)[key], out, problems);
    return;
  }
  const distribution = inferDistribution(entry);
  if (!distribution) {
    problems.push(
      configError('sweep-param-shape', 'cannot tell which distribution this parameter has.', {
        path,
        expected: 'value, values, min and max, or a distribution key',
        received: raw,
        fix: 'Write e.g. {values: [1, 2]}, {min: 0, max: 1} or {distribution: normal, mu: 0, sigma: 1}.',
      }),
    );
    return;
  }
  const allowed = ALLOWED[distribution]!;
  const extra = Object.keys(entry).filter((k) => k !== 'distribution' && !allowed.includes(k));
  for (const key of extra) {
    problems.push(
      configError('sweep-param-key', `key ${JSON.stringify(key)} does not apply to distribution ${distribution}.`, {
        path: `${path}.${key}`,
        expected: `one of ${allowed.join(', ')}`,
        received: key,
        fix: 'Remove it, or pick the distribution that uses it.',
      }),
    );
  }
  const before = problems.length;
  const need = (key: string) => {
    if (entry[key] === undefined)
      problems.push(
        configError('sweep-param-missing', `distribution ${distribution} needs ${key}.`, {
          path: `${path}.${key}`,
          expected: 'a number',
          received: undefined,
          fix: `Add ${key}.`,
        }),
      );
  };
  if (distribution === 'constant') {
    if (!('value' in entry)) need('value');
    if (problems.length === before && extra.length === 0) out.push({ kind: 'constant', name, value: entry.value });
    return;
  }
  if (distribution === 'categorical' || distribution === 'categorical_w_probabilities') {
    const values = entry.values as unknown[] | undefined;
    if (!values) need('values');
    const probabilities = entry.probabilities as number[] | undefined;
    if (values && probabilities) {
      const sum = probabilities.reduce((s, p) => s + p, 0);
      if (probabilities.length !== values.length || Math.abs(sum - 1) > 1e-6) {
        problems.push(
          configError('sweep-probabilities', 'probabilities must match the values and sum to 1.', {
            path: `${path}.probabilities`,
            expected: `${values.length} non-negative numbers that sum to 1`,
            received: probabilities,
            fix: 'Give one probability per value.',
          }),
        );
      }
    }
    if (problems.length === before && extra.length === 0 && values) {
      const probs = probabilities ?? values.map(() => 1 / values.length);
      out.push({ kind: 'categorical', name, values, probabilities: probs });
    }
    return;
  }
  const dist = distribution as NumericDistribution;
  const usesMinMax = allowed.includes('min');
  if (usesMinMax) {
    need('min');
    need('max');
  }
  const min = entry.min as number | undefined;
  const max = entry.max as number | undefined;
  if (usesMinMax && min !== undefined && max !== undefined) {
    if (dist === 'int_uniform' && (!Number.isInteger(min) || !Number.isInteger(max))) {
      problems.push(
        configError('sweep-int-bounds', 'int_uniform needs integer bounds.', {
          path,
          expected: 'integer min and max',
          received: { min, max },
          fix: 'Use integers, or distribution: uniform.',
        }),
      );
    } else if (dist === 'int_uniform' ? min > max : min >= max) {
      problems.push(
        configError('sweep-bounds-order', 'min must be below max.', {
          path: `${path}.max`,
          expected: `a number ${dist === 'int_uniform' ? '>=' : '>'} min (${min})`,
          received: max,
          fix: 'Swap or fix the bounds.',
        }),
      );
    } else if (POSITIVE_BOUNDS.has(dist) && min <= 0) {
      problems.push(
        configError('sweep-log-bounds', `${dist} takes its bounds as values, and their logarithm must exist.`, {
          path: `${path}.min`,
          expected: 'a number > 0',
          received: min,
          fix: `Use a positive min, or ${dist.replace('_values', '')} whose bounds are natural-log exponents.`,
        }),
      );
    }
  }
  if (problems.length !== before || extra.length > 0) return;
  out.push({
    kind: 'numeric',
    name,
    distribution: dist,
    min: min ?? Number.NEGATIVE_INFINITY,
    max: max ?? Number.POSITIVE_INFINITY,
    mu: (entry.mu as number | undefined) ?? 0,
    sigma: (entry.sigma as number | undefined) ?? 1,
    a: (entry.a as number | undefined) ?? 1,
    b: (entry.b as number | undefined) ?? 1,
    q: dist.startsWith('q_') ? ((entry.q as number | undefined) ?? 1) : null,
  });
}
