import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SandboxConfig } from '@dj-sandbox/core';
import { job, sandboxConfig, testdir } from '@dj-sandbox/test-utils';
import { describe, expect, it } from 'vitest';
import { createSampler } from '../samplers/create-sampler.ts';
import type { Observation } from '../samplers/sampler.ts';
import type { TrialRecord } from '../study/trial-record.ts';
import { parseSweep } from '../sweep/parse-sweep.ts';
import { runSearch } from './run-search.ts';
import type { RunTrial, Trial, TrialOutcome } from './search-types.ts';

function baseConfig(): SandboxConfig {
  return sandboxConfig({
    execution_job_configs: [
      job('execution_job_configs', 0, {
        hook: 'ProcessDataHook',
        meta_name: 'process_data',
        dj_configs: { process: [{ text_length_filter: { min_len: 10, max_len: 1000 } }] },
      }),
    ],
  });
}

/** The recipe value a trial really got, read from its config (not from params). */
function minLenOf(trial: Trial): number {
  const dj = trial.config.pipelines[0]!.jobs.execution_job_configs[0]!.dj_configs as {
    process: Array<{ text_length_filter: { min_len: number } }>;
  };
  return dj.process[0]!.text_length_filter.min_len;
}

const tick = () => new Promise((r) => setTimeout(r, 1));
const score = (minLen: number) => -((minLen - 60) ** 2) / 100;

const readLines = (dir: string) =>
  readFileSync(join(dir, 'study', 'trials.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as TrialRecord);

describe('runSearch', () => {
  it('runs a grid over the recipe, returns the best trial and keeps the study on disk', async () => {
    const dir = testdir();
    const runTrial: RunTrial = async (trial) => ({
      metrics: { 'eval.score': score(minLenOf(trial)) },
      status: 'finished',
    });
    const result = await runSearch({
      config: baseConfig(),
      cwd: dir,
      runTrial,
      sweep: {
        method: 'grid',
        metric: { name: 'eval.score', goal: 'maximize' },
        parameters: { 'text_length_filter.min_len': { values: [20, 50, 80, 110] } },
      },
    });
    expect(result.stopReason).toBe('grid-done');
    expect(result.best).toMatchObject({ index: 1, value: -1, params: { 'text_length_filter.min_len': 50 } });
    expect(result.trials.map((t) => t.value)).toEqual([-16, -1, -4, -25]);
    expect(result.best!.workDir).toBe(join(dir, 'work', 'trial_1'));
    expect(readLines(join(dir, 'work')).map((l) => `${l.index}:${l.state}`)).toEqual([
      '0:running',
      '0:finished',
      '1:running',
      '1:finished',
      '2:running',
      '2:finished',
      '3:running',
      '3:finished',
    ]);
    const summary = JSON.parse(readFileSync(join(result.studyDir, 'study.json'), 'utf8'));
    expect(summary).toMatchObject({ counts: { finished: 4 }, best: { index: 1, value: -1 }, stopReason: 'grid-done' });
  });

  it('resumes a killed search: finished trials are kept and not rerun, the unfinished one runs again', async () => {
    const dir = testdir();
    const sweep = {
      method: 'random',
      metric: { name: 'eval.score', goal: 'maximize' },
      sweep_max_count: 6,
      seed: 11,
      parameters: { 'text_length_filter.min_len': { min: 1, max: 200 } },
    };
    const crash = new AbortController();
    const firstCalls: number[] = [];
    const first = await runSearch({
      config: baseConfig(),
      cwd: dir,
      sweep,
      signal: crash.signal,
      runTrial: async (trial, signal): Promise<TrialOutcome> => {
        firstCalls.push(trial.index);
        if (trial.index === 3) {
          crash.abort(new Error('killed'));
          await tick();
          return { metrics: {}, status: signal.aborted ? 'failed' : 'finished' };
        }
        return { metrics: { 'eval.score': score(minLenOf(trial)) }, status: 'finished' };
      },
    });
    expect(first.stopReason).toBe('aborted');
    expect(first.trials.map((t) => t.state)).toEqual(['finished', 'finished', 'finished', 'running']);
    appendFileSync(join(dir, 'work', 'study', 'trials.jsonl'), '{"index": 4, "state": "fini');

    const resumedCalls: number[] = [];
    const resumed = await runSearch({
      config: baseConfig(),
      cwd: dir,
      sweep,
      resume: true,
      runTrial: async (trial) => {
        resumedCalls.push(trial.index);
        return { metrics: { 'eval.score': score(minLenOf(trial)) }, status: 'finished' };
      },
    });
    expect(firstCalls).toEqual([0, 1, 2, 3]);
    expect(resumedCalls).toEqual([3, 4, 5]);
    expect(resumed.trials.map((t) => t.state)).toEqual(Array(6).fill('finished'));

    const uninterrupted = await runSearch({
      config: baseConfig(),
      cwd: testdir(),
      sweep,
      runTrial: async (trial) => ({ metrics: { 'eval.score': score(minLenOf(trial)) }, status: 'finished' }),
    });
    expect(resumed.trials.map((t) => t.params)).toEqual(uninterrupted.trials.map((t) => t.params));
    expect(resumed.best?.value).toBe(uninterrupted.best?.value);
  });

  it('stops a trial with hyperband when its intermediate values are bad', async () => {
    const dir = testdir();
    const steps = new Map<number, number>();
    const result = await runSearch({
      config: baseConfig(),
      cwd: dir,
      sweep: {
        method: 'grid',
        metric: { name: 'loss', goal: 'minimize' },
        parameters: { 'text_length_filter.min_len': { values: [10, 12, 500] } },
        early_terminate: { type: 'hyperband', min_iter: 2, eta: 2 },
      },
      runTrial: async (trial, signal): Promise<TrialOutcome> => {
        const minLen = minLenOf(trial);
        for (let step = 1; step <= 8; step++) {
          if (signal.aborted) return { metrics: {}, status: 'failed', error: 'aborted' };
          steps.set(trial.index, step);
          trial.report({ loss: minLen / step }, step);
          await tick();
        }
        return { metrics: { loss: minLen / 8 }, status: 'finished' };
      },
    });
    // bands 2, 4, 8; at band 2 the losses are 5, 6 and 250, so the third trial is outside the top half.
    expect(result.trials.map((t) => t.state)).toEqual(['finished', 'finished', 'stopped']);
    expect(steps.get(2)).toBe(2);
    expect(result.trials[2]).toMatchObject({ history: [500, 250], stoppedAt: { band: 2, threshold: 6 } });
    expect(result.best).toMatchObject({ index: 0, value: 1.25 });
  });

  it('runs trials in parallel and stops launching once the target is reached', async () => {
    const dir = testdir();
    let active = 0;
    let peak = 0;
    const result = await runSearch({
      config: baseConfig(),
      cwd: dir,
      parallel: 3,
      sweep: {
        method: 'grid',
        metric: { name: 'eval.score', goal: 'maximize', target: -1 },
        parameters: { 'text_length_filter.min_len': { values: [0, 10, 50, 70, 90, 110, 130, 150, 170] } },
      },
      runTrial: async (trial) => {
        active++;
        peak = Math.max(peak, active);
        await new Promise((r) => setTimeout(r, 5 + trial.index));
        active--;
        return { metrics: { 'eval.score': score(minLenOf(trial)) }, status: 'finished' };
      },
    });
    expect(peak).toBe(3);
    expect(result.stopReason).toBe('target');
    expect(result.best?.params).toEqual({ 'text_length_filter.min_len': 50 });
    expect(result.trials.length).toBeLessThan(9);
  });

  it('fails before any trial when a parameter addresses nothing', async () => {
    const dir = testdir();
    let calls = 0;
    await expect(
      runSearch({
        config: baseConfig(),
        cwd: dir,
        sweep: { method: 'grid', metric: { name: 'm' }, parameters: { 'words_num_filter.min_num': { values: [1] } } },
        runTrial: async () => {
          calls++;
          return { metrics: {}, status: 'finished' };
        },
      }),
    ).rejects.toThrow(/no recipe of the config has op "words_num_filter"/);
    expect(calls).toBe(0);
  });

  it('hands trials still running to the sampler, so parallel TPE workers know what the others try', async () => {
    const dir = testdir();
    const sweep = {
      method: 'bayes',
      metric: { name: 'eval.score', goal: 'maximize' },
      sweep_max_count: 3,
      seed: 3,
      tpe: { n_startup_trials: 1 },
      parameters: { 'text_length_filter.min_len': { min: 0, max: 200 } },
    };
    // Trial 0 finishes at once; trial 1 is still running when trial 2 is proposed.
    let releaseTrial1 = () => {};
    const trial1Done = new Promise<void>((r) => {
      releaseTrial1 = r;
    });
    const runTrial: RunTrial = async (trial) => {
      if (trial.index === 1) await trial1Done;
      if (trial.index === 2) releaseTrial1();
      return { metrics: { 'eval.score': score(minLenOf(trial)) }, status: 'finished' };
    };
    const result = await runSearch({ config: baseConfig(), cwd: dir, runTrial, sweep, parallel: 2 });
    const [t0, t1, t2] = result.trials;
    const sampler = createSampler(parseSweep(sweep));
    const finished: Observation = { index: 0, params: t0!.params, loss: -t0!.value!, state: 'finished' };
    const running: Observation = { index: 1, params: t1!.params, loss: null, state: 'running' };
    expect(t2!.params).toEqual(sampler.suggest(2, [finished, running]));
    expect(t2!.params).not.toEqual(sampler.suggest(2, [finished]));
  });

  it('gives every trial its own export paths, so parallel trials never share files', async () => {
    const dir = testdir();
    const exportPaths: string[] = [];
    const runTrial: RunTrial = async (trial) => {
      const dj = trial.config.pipelines[0]!.jobs.execution_job_configs[0]!.dj_configs as { export_path: string };
      exportPaths.push(dj.export_path);
      return { metrics: { 'eval.score': 1 }, status: 'finished' };
    };
    const config = baseConfig();
    (config.pipelines[0]!.jobs.execution_job_configs[0]!.dj_configs as Record<string, unknown>).export_path =
      './outputs/demo/res.jsonl';
    await runSearch({
      config,
      cwd: dir,
      runTrial,
      parallel: 2,
      sweep: {
        method: 'grid',
        metric: { name: 'eval.score', goal: 'maximize' },
        parameters: { 'text_length_filter.min_len': { values: [20, 50] } },
      },
    });
    expect(exportPaths.sort()).toEqual(['./outputs/demo/trial_0/res.jsonl', './outputs/demo/trial_1/res.jsonl']);
  });

  it("accepts the metric by the output name the user gave it (eval.min_mse) as well as the tracker's key (eval.1)", async () => {
    const config = baseConfig();
    config.pipelines[0]!.jobs.execution_job_configs[0]!.meta_name = 'eval';
    config.pipelines[0]!.jobs.execution_job_configs[0]!.output = ['mse', 'min_mse'];
    const runTrial: RunTrial = async (trial) => ({
      metrics: { 'eval.0': 1, 'eval.1': -score(minLenOf(trial)) },
      status: 'finished',
    });
    for (const name of ['eval.min_mse', 'eval.1']) {
      const result = await runSearch({
        config,
        cwd: testdir(),
        runTrial,
        sweep: {
          method: 'grid',
          metric: { name, goal: 'minimize' },
          parameters: { 'text_length_filter.min_len': { values: [20, 50, 80] } },
        },
      });
      expect(result.trials.map((t) => t.value)).toEqual([16, 1, 4]);
      expect(result.best).toMatchObject({ index: 1 });
    }
  });
});
