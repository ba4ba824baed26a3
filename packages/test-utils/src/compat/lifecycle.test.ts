import { multiOutput } from '@dj-sandbox/core';
import { describe, expect, it } from 'vitest';
import { createTestRun } from '../create-test-run.ts';
import { testHooksPlugin } from '../test-plugins.ts';

describe('the hook lifecycle', () => {
  it('applies local then input, so input wins on the same key', async () => {
    const hooks = testHooksPlugin({
      ProbeViaAnalyzerHook: () => './probed.jsonl',
      ProcessDataHook: (ctx) => ctx.extraConfigs,
    });
    const run = await createTestRun({
      plugins: [hooks],
      config: `
probe_job_configs:
  - hook: ProbeViaAnalyzerHook
    meta_name: probe
execution_job_configs:
  - hook: ProcessDataHook
    meta_name: process
    local: { extra_configs.dataset_path: ./local.jsonl, extra_configs.np: 2 }
    input: { extra_configs.dataset_path: '-1.0' }
    extra_configs: { type: x }
`,
    });
    await run.run();
    expect(hooks.calls[1]!.extraConfigs).toEqual({ type: 'x', dataset_path: './probed.jsonl', np: 2 });
  });

  it('replaces a whole config group and parses a path strictly once input changed it', async () => {
    const hooks = testHooksPlugin({
      RefineRecipeViaKSigmaHook: () => './recipe.yaml',
      ProcessDataHook: (ctx) => ctx.djConfigs,
    });
    const run = await createTestRun({
      plugins: [hooks],
      files: { 'recipe.yaml': 'dataset_path: ./in.jsonl\nexport_path: ./out/res.jsonl\nnp: 2\n' },
      config: `
refine_recipe_job_configs:
  - hook: RefineRecipeViaKSigmaHook
    meta_name: refine
    output: refined_recipe_path
execution_job_configs:
  - hook: ProcessDataHook
    meta_name: process
    dj_configs: '<auto_replaced_with_previous_output>'
    input: { dj_configs: -1.refined_recipe_path }
`,
    });
    await run.run();
    expect(hooks.calls[1]!.djConfigs).toEqual({
      dataset_path: './in.jsonl',
      export_path: './out/iter_1/res.jsonl',
      np: 2,
    });
  });

  it('deep-merges a mapping given to local and creates missing intermediate keys', async () => {
    const hooks = testHooksPlugin({ InferModelHook: (ctx) => ctx.extraConfigs });
    const run = await createTestRun({
      plugins: [hooks],
      config: `
execution_job_configs:
  - hook: InferModelHook
    local: { extra_configs.train: { model_path: { lora_path: ./ckpt } }, extra_configs.new.deep: 1 }
    extra_configs: { type: t, train: { model_path: { base: ./base } } }
`,
    });
    await run.run();
    expect(hooks.calls[0]!.extraConfigs).toEqual({
      type: 't',
      train: { model_path: { base: './base', lora_path: './ckpt' } },
      new: { deep: 1 },
    });
  });

  it('rewrites export_path to iter_<n> without accumulating over iterations, for a list too', async () => {
    const hooks = testHooksPlugin({ DataPoolManipulationHook: (ctx) => ctx.extraConfigs!.export_path });
    const run = await createTestRun({
      plugins: [hooks],
      config: `
max_iter_num: 3
execution_job_configs:
  - hook: DataPoolManipulationHook
    meta_name: pools
    extra_configs: { type: t, export_path: [./a/, ./b/c.jsonl] }
`,
    });
    const result = await run.run();
    expect(result.contexts.map((c) => c.lookup('anonymous.pools.0'))).toEqual([
      { found: true, value: ['./a/iter_1', './b/iter_1/c.jsonl'] },
      { found: true, value: ['./a/iter_2', './b/iter_2/c.jsonl'] },
      { found: true, value: ['./a/iter_3', './b/iter_3/c.jsonl'] },
    ]);
  });

  it('fills the Data-Juicer default export_path before the rewrite', async () => {
    const hooks = testHooksPlugin({ ProcessDataHook: (ctx) => ctx.djConfigs!.export_path });
    const run = await createTestRun({
      plugins: [hooks],
      config: 'execution_job_configs: [{hook: ProcessDataHook, meta_name: p, dj_configs: {np: 1}}]',
    });
    const result = await run.run();
    expect(result.contexts[0]!.lookup('anonymous.p.0')).toEqual({
      found: true,
      value: './outputs/hello_world/iter_1/hello_world.jsonl',
    });
  });

  it('records tuples, unpacks one-element lists, keeps other lists, and uses string keys "0", "1"', async () => {
    const hooks = testHooksPlugin({
      EvaluateDataHook: () => multiOutput([1, 2], 0.12),
      EvaluateModelHook: () => ['only'],
      GeneralProbeHook: () => ['a', 'b'],
    });
    const run = await createTestRun({
      plugins: [hooks],
      config: `
evaluation_job_configs:
  - { hook: EvaluateDataHook, meta_name: grades, output: [results, min_mse] }
  - { hook: EvaluateModelHook, meta_name: one }
  - { hook: GeneralProbeHook, meta_name: two }
`,
    });
    await run.run();
    const jobs = (run.readContext() as Array<{ pipeline_infos: Array<{ job_infos: unknown[] }> }>)[0]!
      .pipeline_infos[0]!.job_infos;
    expect(jobs).toEqual([
      { meta_name: 'grades', results: [1, 2], min_mse: 0.12 },
      { meta_name: 'one', 0: 'only' },
      { meta_name: 'two', 0: ['a', 'b'] },
    ]);
  });

  it('records falsy results instead of crashing (a reference bug), and a job that returns nothing with no outputs', async () => {
    const hooks = testHooksPlugin({
      EvaluateDataHook: () => 0,
      GeneralProbeHook: () => [],
      ProcessDataHook: () => undefined,
    });
    const run = await createTestRun({
      plugins: [hooks],
      config: `
evaluation_job_configs:
  - { hook: EvaluateDataHook, meta_name: zero }
  - { hook: GeneralProbeHook, meta_name: empty }
  - { hook: ProcessDataHook, meta_name: nothing }
`,
    });
    await run.run();
    const jobs = (run.readContext() as Array<{ pipeline_infos: Array<{ job_infos: unknown[] }> }>)[0]!
      .pipeline_infos[0]!.job_infos;
    expect(jobs).toEqual([{ meta_name: 'zero', 0: 0 }, { meta_name: 'empty', 0: [] }, { meta_name: 'nothing' }]);
  });

  it('fails a job whose output count differs from its output keys, blaming plugin and job', async () => {
    const hooks = testHooksPlugin({ EvaluateDataHook: () => multiOutput(1, 2, 3) });
    const run = await createTestRun({
      plugins: [hooks],
      config: 'evaluation_job_configs: [{hook: EvaluateDataHook, meta_name: ev, output: [a, b]}]',
    });
    await expect(run.run()).rejects.toThrowErrorMatchingInlineSnapshot(
      `[DjSandboxError: [plugin:test-hooks] [job:ev] output: ## HOOK [EvaluateDataHook]: the number of outputs does not match the number of output keys. Expected 2 outputs (["a","b"]), received "3 outputs". Make the output list match what the hook returns, or remove output to get keys "0", "1", ...]`,
    );
  });

  it('resolves -1 to the latest job and reports a bare -1 or a missing previous job', async () => {
    const bare = await createTestRun({
      plugins: [testHooksPlugin({ ProcessDataHook: () => 1 })],
      config: 'execution_job_configs: [{hook: ProcessDataHook, input: {extra_configs.x: "-1"}}]',
    });
    await expect(bare.run()).rejects.toThrow(/Only got \[-1\]/);
    const first = await createTestRun({
      plugins: [testHooksPlugin({ ProcessDataHook: () => 1 })],
      config: 'execution_job_configs: [{hook: ProcessDataHook, meta_name: p, input: {extra_configs.x: "-1.0"}}]',
    });
    await expect(first.run()).rejects.toThrow(/cannot find the last non-empty job infos/);
  });

  it('assigns null for a missing context key, as the reference does', async () => {
    const hooks = testHooksPlugin({ ProbeViaAnalyzerHook: () => 'x', ProcessDataHook: (ctx) => ctx.extraConfigs });
    const run = await createTestRun({
      plugins: [hooks],
      config: `
probe_job_configs: [{hook: ProbeViaAnalyzerHook, meta_name: probe}]
execution_job_configs: [{hook: ProcessDataHook, meta_name: p, extra_configs: {type: t}, input: {extra_configs.dataset_path: anonymous.probe.typo}}]
`,
    });
    await run.run();
    expect(hooks.calls[1]!.extraConfigs).toEqual({ type: 't', dataset_path: null });
  });

  it('rejects an update of a group other than dj_configs / extra_configs', async () => {
    const run = await createTestRun({
      plugins: [testHooksPlugin({ ProcessDataHook: () => 1 })],
      config: 'execution_job_configs: [{hook: ProcessDataHook, local: {model_configs.x: 1}}]',
    });
    await expect(run.run()).rejects.toThrow(/the key model_configs to update is not supported/);
  });
});
