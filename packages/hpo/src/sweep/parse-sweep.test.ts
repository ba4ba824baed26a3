import { join } from 'node:path';
import type { ConfigProblems } from '@dj-sandbox/core';
import { testdir } from '@dj-sandbox/test-utils';
import { describe, expect, it } from 'vitest';
import { loadSweep, parseSweep } from './parse-sweep.ts';
import type { NumericParam } from './sweep-types.ts';

const base = { method: 'random', metric: { name: 'eval.score', goal: 'maximize' }, sweep_max_count: 5 };

function problemsOf(input: unknown): Array<{ code: string; path?: string; message: string }> {
  try {
    parseSweep(input);
  } catch (error) {
    const problems = (error as ConfigProblems).problems;
    if (!problems) throw error;
    return problems.map((p) => ({ code: p.code, path: p.data.path, message: p.message }));
  }
  throw new Error('expected the sweep to be rejected');
}

describe('parseSweep', () => {
  it('reads the Data-Juicer example sweep with its inferred and explicit distributions', () => {
    const sweep = parseSweep({
      sweep_name: 'hpo_for_data-juicer',
      sweep_max_count: 1000,
      method: 'bayes',
      metric: { name: 'quality_score', goal: 'maximize' },
      parameters: {
        'character_repetition_filter.rep_len': { values: [2, 4, 8, 16] },
        'character_repetition_filter.max_ratio': { values: [0.3, 0.5, 0.7] },
        'text_length_filter.min_len': { distribution: 'q_log_uniform_values', min: 256, max: 8192 },
      },
      early_terminate: { type: 'hyperband', max_iter: 27, s: 2 },
    });
    expect(sweep.method).toBe('bayes');
    expect(sweep.maxTrials).toBe(1000);
    expect(sweep.parameters.map((p) => p.name)).toEqual([
      'character_repetition_filter.max_ratio',
      'character_repetition_filter.rep_len',
      'text_length_filter.min_len',
    ]);
    expect(sweep.parameters[1]).toEqual({
      kind: 'categorical',
      name: 'character_repetition_filter.rep_len',
      values: [2, 4, 8, 16],
      probabilities: [0.25, 0.25, 0.25, 0.25],
    });
    expect(sweep.parameters[2]).toMatchObject({ distribution: 'q_log_uniform_values', min: 256, max: 8192, q: 1 });
    expect(sweep.early_terminate).toMatchObject({ eta: 3, bands: [3, 9], strict: false });
  });

  it('infers int_uniform from integer bounds, uniform from real ones, constant from value', () => {
    const sweep = parseSweep({
      ...base,
      parameters: { a: { min: 1, max: 10 }, b: { min: 0.5, max: 2 }, c: { value: 'x' } },
    });
    expect(sweep.parameters.map((p) => (p.kind === 'numeric' ? p.distribution : p.kind))).toEqual([
      'int_uniform',
      'uniform',
      'constant',
    ]);
  });

  it('accepts every W&B distribution and fills W&B defaults', () => {
    const parameters = {
      constant: { distribution: 'constant', value: 3 },
      categorical: { distribution: 'categorical', values: ['a', 'b'], probabilities: [0.2, 0.8] },
      int_uniform: { distribution: 'int_uniform', min: 1, max: 4 },
      uniform: { distribution: 'uniform', min: 0, max: 1 },
      q_uniform: { distribution: 'q_uniform', min: 0, max: 1, q: 0.25 },
      log_uniform: { distribution: 'log_uniform', min: -5, max: 0 },
      log_uniform_values: { distribution: 'log_uniform_values', min: 1e-4, max: 1 },
      q_log_uniform: { distribution: 'q_log_uniform', min: 0, max: 5 },
      q_log_uniform_values: { distribution: 'q_log_uniform_values', min: 1, max: 100, q: 2 },
      inv_log_uniform: { distribution: 'inv_log_uniform', min: 0, max: 3 },
      inv_log_uniform_values: { distribution: 'inv_log_uniform_values', min: 0.01, max: 1 },
      normal: { distribution: 'normal' },
      q_normal: { distribution: 'q_normal', mu: 10, sigma: 2, q: 0.5 },
      log_normal: { distribution: 'log_normal', mu: 1 },
      q_log_normal: { distribution: 'q_log_normal', sigma: 0.5 },
      beta: { distribution: 'beta', a: 2, b: 5 },
      q_beta: { distribution: 'q_beta', q: 0.1 },
    };
    const sweep = parseSweep({ ...base, parameters });
    const byName = Object.fromEntries(sweep.parameters.map((p) => [p.name, p]));
    expect(Object.keys(byName).sort()).toEqual(Object.keys(parameters).sort());
    expect(byName.normal).toMatchObject({ mu: 0, sigma: 1, q: null });
    expect(byName.q_log_uniform).toMatchObject({ q: 1 });
    expect(byName.q_log_normal).toMatchObject({ mu: 0, sigma: 0.5, q: 1 });
    expect(byName.q_beta).toMatchObject({ a: 1, b: 1, q: 0.1 });
    expect(byName.categorical).toMatchObject({ probabilities: [0.2, 0.8] });
    expect((byName.log_uniform as NumericParam).min).toBe(-5);
  });

  it('draws twice n_ei_candidates while trials run unless n_ei_candidates_pending is given', () => {
    const parameters = { x: { min: 0.0, max: 1.0 } };
    expect(parseSweep({ ...base, parameters }).tpe).toMatchObject({ n_ei_candidates: 24, n_ei_candidates_pending: 48 });
    expect(parseSweep({ ...base, parameters, tpe: { n_ei_candidates: 100 } }).tpe.n_ei_candidates_pending).toBe(200);
    expect(
      parseSweep({ ...base, parameters, tpe: { n_ei_candidates: 100, n_ei_candidates_pending: 30 } }).tpe,
    ).toMatchObject({ n_ei_candidates: 100, n_ei_candidates_pending: 30 });
  });

  it('flattens nested parameters into dotted keys', () => {
    const sweep = parseSweep({
      ...base,
      parameters: { text_length_filter: { parameters: { min_len: { values: [10, 20] }, max_len: { value: 900 } } } },
    });
    expect(sweep.parameters.map((p) => p.name)).toEqual(['text_length_filter.max_len', 'text_length_filter.min_len']);
  });

  it('reports every problem at once, each with path, expected, received and a fix', () => {
    const problems = problemsOf({
      method: 'bayse',
      metric: { name: 'x', goal: 'maximise' },
      parameters: {
        'a.b': { distribution: 'uniform', min: 2, max: 1 },
        c: { distribution: 'log_uniform_values', min: 0, max: 1 },
        d: { values: [1, 2], probabilities: [0.5, 0.6] },
        e: { distribution: 'normal', min: 0 },
        f: { distribution: 'int_uniform', min: 0.5, max: 3 },
        g: { distribution: 'gaussian' },
        h: { foo: 1 },
      },
      early_terminate: { type: 'hyperband' },
      sweep_max_cont: 3,
    });
    const paths = problems.map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'method',
        'metric.goal',
        'sweep_max_cont',
        'parameters["a.b"].max',
        'parameters.c.min',
        'parameters.d.probabilities',
        'parameters.e.min',
        'parameters.f',
        'parameters.g.distribution',
        'parameters.h.foo',
      ]),
    );
    const method = problems.find((p) => p.path === 'method')!;
    expect(method.message).toContain('Expected one of "grid", "random", "bayes", received "bayse"');
    expect(method.message).toContain('Did you mean "bayes"?');
    expect(problems.find((p) => p.path === 'sweep_max_cont')!.message).toContain('Did you mean "sweep_max_count"?');
    expect(problems.find((p) => p.path === 'parameters.c.min')!.message).toContain('Expected a number > 0, received 0');
  });

  it('rejects hyperband settings that give no band, and searches that never stop', () => {
    expect(
      problemsOf({
        ...base,
        parameters: { a: { values: [1] } },
        early_terminate: { type: 'hyperband', max_iter: 2 },
      }).map((p) => p.code),
    ).toEqual(['hyperband-bands']);
    expect(
      problemsOf({ method: 'random', metric: { name: 'm' }, parameters: { a: { values: [1] } } }).map((p) => p.code),
    ).toEqual(['sweep-unbounded']);
  });

  it('loads a sweep file without expanding its dotted keys, reading bounds written 0.0 as floats as W&B does', () => {
    const dir = testdir({
      'sweep.yaml': [
        'method: grid',
        'metric: {name: eval_data.0, goal: maximize}',
        'parameters:',
        '  text_length_filter.min_len: {values: [10, 50]}',
        '  language_id_score_filter.min_score: {min: 0.0, max: 1.0}',
        '  text_length_filter.max_len: {min: 1000, max: 5000}',
      ].join('\n'),
    });
    const sweep = loadSweep('sweep.yaml', dir);
    expect(sweep.parameters.map((p) => [p.name, p.kind === 'numeric' ? p.distribution : p.kind])).toEqual([
      ['language_id_score_filter.min_score', 'uniform'],
      ['text_length_filter.max_len', 'int_uniform'],
      ['text_length_filter.min_len', 'categorical'],
    ]);
    expect(() => loadSweep(join(dir, 'missing.yaml'), dir)).toThrow(/the sweep file does not exist/);
  });
});
