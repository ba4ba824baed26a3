import { PluginRegistry, type SandboxConfig } from '@dj-sandbox/core';
import { job, sandboxConfig, testdir, testHooksPlugin } from '@dj-sandbox/test-utils';
import { describe, expect, it } from 'vitest';
import { inProcessTrialRunner } from './in-process-runner.ts';
import { runSearch } from './run-search.ts';

type Recipe = { process: Array<Record<string, { min_len?: number; max_len?: number }>> };

function minLen(recipe: unknown): number {
  return (recipe as Recipe).process[0]!.text_length_filter!.min_len!;
}

function config(iterations: number): SandboxConfig {
  const c = sandboxConfig({
    execution_job_configs: [
      job('execution_job_configs', 0, {
        hook: 'ProcessDataHook',
        meta_name: 'process_data',
        dj_configs: { process: [{ text_length_filter: { min_len: 10, max_len: 1000 } }] },
      }),
    ],
    evaluation_job_configs: [job('evaluation_job_configs', 0, { hook: 'EvaluateDataHook', meta_name: 'eval_data' })],
  });
  return { ...c, max_iter_num: iterations };
}

async function registryWith(evaluate: (minLen: number, iteration: number) => unknown) {
  let lastMinLen = 0;
  const plugin = testHooksPlugin({
    ProcessDataHook: (ctx) => {
      lastMinLen = minLen(ctx.djConfigs);
      return 'processed.jsonl';
    },
    EvaluateDataHook: (ctx) => {
      const result = evaluate(lastMinLen, ctx.iteration);
      ctx.track(result);
      return result;
    },
  });
  const registry = new PluginRegistry();
  await registry.add(plugin);
  return { registry, plugin };
}

describe('inProcessTrialRunner', () => {
  it('runs real sandbox trials and reads the objective from the tracker, lists as <key>.<i>', async () => {
    const dir = testdir();
    const { registry } = await registryWith((m) => [1 - Math.abs(m - 40) / 100]);
    const result = await runSearch({
      config: config(1),
      cwd: dir,
      sweep: {
        method: 'grid',
        metric: { name: 'eval_data.0', goal: 'maximize' },
        parameters: { 'text_length_filter.min_len': { values: [10, 40, 90] } },
      },
      runTrial: inProcessTrialRunner({ registry, cwd: dir }),
    });
    expect(result.trials.map((t) => t.value)).toEqual([0.7, 1, 0.5]);
    expect(result.best?.params).toEqual({ 'text_length_filter.min_len': 40 });
    expect(result.trials.every((t) => t.state === 'finished')).toBe(true);
  });

  it('reports every sandbox iteration to hyperband, which ends a weak trial before its last iteration', async () => {
    const dir = testdir();
    const { registry, plugin } = await registryWith((m, iteration) => ({ perplexity: m / iteration }));
    const result = await runSearch({
      config: config(4),
      cwd: dir,
      sweep: {
        method: 'grid',
        metric: { name: 'eval_data.perplexity', goal: 'minimize' },
        parameters: { 'text_length_filter.min_len': { values: [10, 12, 400] } },
        early_terminate: { type: 'hyperband', min_iter: 2, eta: 2 },
      },
      runTrial: inProcessTrialRunner({ registry, cwd: dir, tracker: 'memory' }),
    });
    expect(result.trials.map((t) => t.state)).toEqual(['finished', 'finished', 'stopped']);
    const evaluations = plugin.calls.filter((c) => c.hook === 'EvaluateDataHook');
    // 4 iterations each for the two good trials; the weak one is stopped after its 2nd evaluation.
    expect(evaluations.length).toBe(10);
    expect(result.best).toMatchObject({ index: 0, value: 2.5, metrics: { 'eval_data.perplexity': 2.5 } });
  });

  it('records a trial whose sandbox run fails as failed, with the error', async () => {
    const dir = testdir();
    const { registry } = await registryWith((m) => {
      if (m > 50) throw new Error('evaluator crashed');
      return { score: m };
    });
    const result = await runSearch({
      config: config(1),
      cwd: dir,
      sweep: {
        method: 'grid',
        metric: { name: 'eval_data.score', goal: 'maximize' },
        parameters: { 'text_length_filter.min_len': { values: [20, 80] } },
      },
      runTrial: inProcessTrialRunner({ registry, cwd: dir }),
    });
    expect(result.trials.map((t) => t.state)).toEqual(['finished', 'failed']);
    expect(result.trials[1]!.error).toContain('evaluator crashed');
    expect(result.best?.value).toBe(20);
  });
});
