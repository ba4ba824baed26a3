import { existsSync } from 'node:fs';
import { isRegisteredGlobally, loggerRef, runSandbox, trackerRef } from '@dj-sandbox/core';
import { describe, expect, it } from 'vitest';
import { createTestRun } from '../create-test-run.ts';
import { testHooksPlugin } from '../test-plugins.ts';

const config = `
work_dir: ./out
max_iter_num: 2
pipelines:
  - prep:
      probe_job_configs: [{hook: ProbeViaAnalyzerHook, meta_name: probe}]
      execution_job_configs: [{hook: ProcessDataHook, meta_name: process, input: {extra_configs.x: -1.0}, extra_configs: {type: t}}]
  - evaluate:
      evaluation_job_configs: [{hook: EvaluateDataHook, meta_name: score}]
`;

function plugin(failAt?: { hook: string; iteration: number }) {
  const state = { failed: false };
  const hooks = testHooksPlugin({
    ProbeViaAnalyzerHook: (ctx) => {
      ctx.track({ text_len: { mean: 10 * ctx.iteration } });
      return `probe-${ctx.iteration}`;
    },
    ProcessDataHook: (ctx) => `${ctx.extraConfigs?.x}-processed`,
    EvaluateDataHook: (ctx) => {
      if (failAt && !state.failed && ctx.hook === failAt.hook && ctx.iteration === failAt.iteration) {
        state.failed = true;
        throw new Error('simulated crash');
      }
      return (ctx.tracker.query('probe.text_len.mean') as number) / 100;
    },
  });
  return hooks;
}

describe('resume from the first unfinished job', () => {
  it('saves context_infos.json after every job, so a crash loses no finished job', async () => {
    const run = await createTestRun({ plugins: [plugin({ hook: 'EvaluateDataHook', iteration: 2 })], config });
    await expect(run.run()).rejects.toThrow(/simulated crash/);
    const saved = run.readContext() as Array<{ pipeline_infos: Array<{ job_infos: unknown[] }> }>;
    expect(saved).toHaveLength(2);
    expect(saved[1]!.pipeline_infos.map((p) => p.job_infos.length)).toEqual([2]);
  });

  it('continues from the first unfinished job and ends as an uninterrupted run does', async () => {
    const reference = await createTestRun({ plugins: [plugin()], config });
    await reference.run();

    const hooks = plugin({ hook: 'EvaluateDataHook', iteration: 2 });
    const crashed = await createTestRun({ plugins: [hooks], config });
    await expect(crashed.run()).rejects.toThrow(/simulated crash/);
    const before = hooks.calls.length;
    const resumed = await crashed.run({ resume: true });
    expect(hooks.calls.slice(before).map((c) => `${c.iteration}:${c.metaName}`)).toEqual(['2:score']);
    expect(resumed.jobsRun).toBe(1);
    expect(crashed.readContext()).toEqual(reference.readContext());
  });

  it('restores the tracker, so a job after the crash still finds what a finished job watched', async () => {
    const hooks = plugin({ hook: 'EvaluateDataHook', iteration: 1 });
    const run = await createTestRun({ plugins: [hooks], config });
    await expect(run.run()).rejects.toThrow();
    await run.run({ resume: true });
    const ctx = run.readContext() as Array<{ pipeline_infos: Array<{ job_infos: Array<Record<string, unknown>> }> }>;
    expect(ctx[0]!.pipeline_infos[1]!.job_infos[0]).toEqual({ meta_name: 'score', 0: 0.1 });
  });

  it('does nothing for a finished run, and continues when max_iter_num was raised', async () => {
    const hooks = plugin();
    const run = await createTestRun({ plugins: [hooks], config });
    await run.run();
    const calls = hooks.calls.length;
    expect((await run.run({ resume: true })).stopReason).toBe('already-finished');
    expect(hooks.calls.length).toBe(calls);
    run.config.max_iter_num = 3;
    await run.run({ resume: true });
    expect(hooks.calls.slice(calls).map((c) => c.iteration)).toEqual([3, 3, 3]);
  });

  it('starts fresh when there is nothing to resume', async () => {
    const run = await createTestRun({ plugins: [plugin()], config });
    expect(existsSync(run.path('out/context_infos.json'))).toBe(false);
    expect((await run.run({ resume: true })).contexts).toHaveLength(2);
  });

  it('leaves nothing in tsyringe’s global container after a full run', async () => {
    const run = await createTestRun({ plugins: [plugin()], config });
    await run.run();
    expect(isRegisteredGlobally(loggerRef)).toBe(false);
    expect(isRegisteredGlobally(trackerRef)).toBe(false);
  });

  it('stops between jobs when the run is aborted, and --resume continues from there', async () => {
    const controller = new AbortController();
    const hooks = testHooksPlugin({
      ProbeViaAnalyzerHook: () => {
        controller.abort(new Error('SIGINT'));
        return 'probed';
      },
      ProcessDataHook: () => 'processed',
    });
    const run = await createTestRun({
      plugins: [hooks],
      config:
        'probe_job_configs: [{hook: ProbeViaAnalyzerHook, meta_name: a}]\nexecution_job_configs: [{hook: ProcessDataHook, meta_name: b}]\n',
    });
    await expect(
      runSandbox({ config: run.config, registry: run.registry, cwd: run.dir, signal: controller.signal }),
    ).rejects.toThrow(/stopped before job "b"/);
    expect(hooks.calls.map((c) => c.metaName)).toEqual(['a']);
    await run.run({ resume: true });
    expect(hooks.calls.map((c) => c.metaName)).toEqual(['a', 'b']);
  });
});
