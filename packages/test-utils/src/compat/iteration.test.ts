import { describe, expect, it } from 'vitest';
import { createTestRun } from '../create-test-run.ts';
import { testHooksPlugin } from '../test-plugins.ts';

describe('iteration, targets and iter_updater', () => {
  it('stops at max_iter_num before checking targets', async () => {
    const plugin = testHooksPlugin({ EvaluateDataHook: (ctx) => ctx.iteration });
    const run = await createTestRun({
      plugins: [plugin],
      config:
        'max_iter_num: 2\niter_targets: ["anonymous.ev.0 >= 100"]\nevaluation_job_configs: [{hook: EvaluateDataHook, meta_name: ev}]\n',
    });
    const result = await run.run();
    expect(result.stopReason).toBe('max_iter_num');
    expect(result.events.filter((e) => e.type === 'targets')).toHaveLength(1);
  });

  it('iterates until all targets are met when max_iter_num is 0', async () => {
    const plugin = testHooksPlugin({ EvaluateDataHook: (ctx) => 1 / ctx.iteration });
    const run = await createTestRun({
      plugins: [plugin],
      config: `
max_iter_num: 0
iter_targets: ["anonymous.ev.mse <= 0.25", "anonymous.ev.mse > 0"]
evaluation_job_configs: [{hook: EvaluateDataHook, meta_name: ev, output: mse}]
`,
    });
    const result = await run.run();
    expect(result.stopReason).toBe('targets');
    expect(result.contexts).toHaveLength(4);
  });

  it('stops when any target is met in "any" mode', async () => {
    const plugin = testHooksPlugin({ EvaluateDataHook: (ctx) => ctx.iteration });
    const run = await createTestRun({
      plugins: [plugin],
      config: `
max_iter_num: 10
iter_targets_mode: any
iter_targets: ["anonymous.ev.0 >= 3", "anonymous.ev.0 == 100"]
evaluation_job_configs: [{hook: EvaluateDataHook, meta_name: ev}]
`,
    });
    expect((await run.run()).contexts).toHaveLength(3);
  });

  it('carries an output into the next iteration through iter_updater, and never into the first', async () => {
    const plugin = testHooksPlugin({
      ProcessDataHook: (ctx) => `${ctx.djConfigs?.dataset_path}+${ctx.iteration}`,
    });
    const run = await createTestRun({
      plugins: [plugin],
      config: `
max_iter_num: 3
iter_updater:
  loop.gen.out: loop.gen.dj_configs.dataset_path
pipelines:
  - loop:
      execution_job_configs:
        - {hook: ProcessDataHook, meta_name: gen, output: out, dj_configs: {dataset_path: seed}}
`,
    });
    const result = await run.run();
    expect(result.contexts.map((c) => c.lookup('loop.gen.out'))).toEqual([
      { found: true, value: 'seed+1' },
      { found: true, value: 'seed+1+2' },
      { found: true, value: 'seed+1+2+3' },
    ]);
  });

  it('reports every iteration problem before running: negative max, unbounded loop, bad mode, bad keys', async () => {
    const run = await createTestRun({
      plugins: [testHooksPlugin({ EvaluateDataHook: () => 1 })],
      config: `
max_iter_num: -1
iter_targets_mode: al
iter_targets: ["anonymous.nope.0 <= 1", "bad target"]
iter_updater: { anonymous.ev.0: anonymous.ev.extra_configs }
evaluation_job_configs: [{hook: EvaluateDataHook, meta_name: ev}]
`,
    });
    await expect(run.run()).rejects.toThrowErrorMatchingInlineSnapshot(`
      [DjSandboxError: 5 problems in the config:
        - max_iter_num: argument 'max_iter_num' must be 0 or a positive number. Expected an integer >= 0, received -1.
        - iter_targets_mode: unknown iter_targets_mode. Expected "all" or "any", received "al". The reference accepted any value and then never stopped on targets. Did you mean "all"?
        - iter_targets[0]: the target metric key [anonymous.nope.0] can not be found in the pipelines. Expected an output declared by a job: <pipeline>.<meta_name>.<output key>, received "anonymous.nope.0".
        - iter_targets[1]: invalid iter_targets [bad target]: no valid comparator found. Expected one of == >= <= > <, received "bad target". Write it as "<pipeline>.<meta_name>.<output_key> <= 0.2".
        - iter_updater.anonymous.ev.0: the target key has the wrong format. Expected <pipeline_name>.<hook_meta_name>.[extra_configs|dj_configs].<hook_cfg_key1>[.<hook_cfg_keyn>], received "anonymous.ev.extra_configs".]
    `);
  });

  it('refuses max_iter_num 0 without targets', async () => {
    const run = await createTestRun({ config: 'max_iter_num: 0\n' });
    await expect(run.run()).rejects.toThrow(/either 'max_iter_num' must be > 0 or 'iter_targets' must be set/);
  });
});
