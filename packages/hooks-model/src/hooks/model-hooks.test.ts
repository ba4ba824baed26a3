import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryTracker, PluginRegistry, runSandbox } from '@dj-sandbox/core';
import { job, sandboxConfig } from '@dj-sandbox/test-utils';
import { describe, expect, it } from 'vitest';
import plugin from '../plugin.ts';
import { fixturePlugin } from '../test-helpers/fixture-plugin.ts';

async function setup(options: { withSample?: boolean } = {}) {
  const cwd = await mkdtemp(join(tmpdir(), 'hooks-model-'));
  await writeFile(
    join(cwd, 'infer.jsonl'),
    await readFile(new URL('../__fixtures__/init_infer_dataset.jsonl', import.meta.url)),
  );
  const registry = new PluginRegistry();
  await registry.add(plugin);
  const fixture = fixturePlugin(options);
  await registry.add(fixture.plugin);
  return { cwd, registry, tracker: new MemoryTracker(), calls: fixture.calls };
}

describe('model hooks', () => {
  it('registers the six model hooks with the component kind each one builds', async () => {
    const { registry } = await setup();
    const mine = [...registry.hooks.entries()].filter(([, o]) => o.plugin === 'hooks-model');
    expect(Object.fromEntries(mine.map(([name, o]) => [name, o.value.componentKind ?? null]))).toEqual({
      ProbeViaModelInferHook: 'ModelInferEvaluator',
      RefineRecipeViaModelFeedbackHook: null,
      TrainModelHook: 'ModelTrainExecutor',
      InferModelHook: 'ModelInferExecutor',
      EvaluateDataHook: 'DataEvaluator',
      EvaluateModelHook: 'ModelEvaluator',
    });
  });

  it('TrainModelHook returns the trainer result and leaves the loss curve it streamed in the tracker', async () => {
    const { cwd, registry, tracker } = await setup();
    const config = sandboxConfig({
      execution_job_configs: [
        job('execution_job_configs', 0, {
          hook: 'TrainModelHook',
          meta_name: 'train',
          extra_configs: { type: 'fake_trainer', steps: 4, export_path: './outputs/model' },
        }),
      ],
    });
    const result = await runSandbox({ config, registry, cwd, tracker });
    expect(result.contexts[0]!.lookup('anonymous.train.0')).toEqual({
      found: true,
      value: { model_path: './outputs/model/iter_1', steps: 4 },
    });
    const curve = tracker.history().filter((m) => m.key === 'loss');
    expect(curve.map((m) => [m.step, m.value, m.job])).toEqual([
      [1, 1, 'train'],
      [2, 0.5, 'train'],
      [3, 1 / 3, 'train'],
      [4, 0.25, 'train'],
    ]);
  });

  it('InferModelHook returns the path of the predictions the executor wrote', async () => {
    const { cwd, registry, tracker } = await setup();
    const config = sandboxConfig({
      execution_job_configs: [
        job('execution_job_configs', 0, {
          hook: 'InferModelHook',
          meta_name: 'infer',
          extra_configs: { type: 'fake_infer', dataset_path: 'infer.jsonl', export_path: './outputs/infer' },
        }),
      ],
    });
    const result = await runSandbox({ config, registry, cwd, tracker });
    const path = join(cwd, 'outputs/infer/iter_1/predictions.jsonl');
    expect(result.contexts[0]!.lookup('anonymous.infer.0')).toEqual({ found: true, value: path });
    const rows = (await readFile(path, 'utf8')).trim().split('\n');
    expect(rows).toHaveLength(20);
    expect(JSON.parse(rows[19]!).pred).toBe(0);
  });

  it('EvaluateDataHook calls run("data") and names the two values of a tuple-like result with output', async () => {
    const { cwd, registry, tracker, calls } = await setup();
    const config = sandboxConfig({
      evaluation_job_configs: [
        job('evaluation_job_configs', 0, {
          hook: 'EvaluateDataHook',
          meta_name: 'grades',
          output: ['results', 'min_mse'],
          extra_configs: { type: 'fake_pairs', scores: [0.3, 0.12, 0.5] },
        }),
      ],
    });
    const result = await runSandbox({ config, registry, cwd, tracker });
    expect(calls.evaluatorArgs).toEqual([['data']]);
    expect(result.contexts[0]!.lookup('anonymous.grades.min_mse')).toEqual({ found: true, value: 0.12 });
    expect(result.contexts[0]!.lookup('anonymous.grades.results')).toEqual({
      found: true,
      value: [
        { pred_path: 'p0', mse: 0.3 },
        { pred_path: 'p1', mse: 0.12 },
        { pred_path: 'p2', mse: 0.5 },
      ],
    });
    expect(tracker.query('grades')).toEqual([
      [
        { pred_path: 'p0', mse: 0.3 },
        { pred_path: 'p1', mse: 0.12 },
        { pred_path: 'p2', mse: 0.5 },
      ],
      0.12,
    ]);
  });

  it('EvaluateDataHook tracks a mapping result flattened under the meta_name', async () => {
    const { cwd, registry, tracker } = await setup();
    const config = sandboxConfig({
      evaluation_job_configs: [
        job('evaluation_job_configs', 0, {
          hook: 'EvaluateDataHook',
          meta_name: 'eval_data',
          extra_configs: { type: 'fake_stats' },
        }),
      ],
    });
    await runSandbox({ config, registry, cwd, tracker });
    expect(tracker.query('eval_data.quality.mean')).toBe(0.75);
    expect(tracker.query('eval_data.quality.max')).toBe(0.9);
  });

  it('EvaluateModelHook passes an empty mapping as the evaluation type, as the reference does', async () => {
    const { cwd, registry, tracker, calls } = await setup();
    const config = sandboxConfig({
      evaluation_job_configs: [
        job('evaluation_job_configs', 0, {
          hook: 'EvaluateModelHook',
          meta_name: 'eval_model',
          extra_configs: { type: 'fake_model_eval' },
        }),
      ],
    });
    const result = await runSandbox({ config, registry, cwd, tracker });
    expect(calls.evaluatorArgs).toEqual([[{}]]);
    expect(tracker.query('eval_model')).toEqual([0.5, 0.25]);
    expect(result.contexts[0]!.lookup('anonymous.eval_model.0')).toEqual({ found: true, value: [0.5, 0.25] });
  });

  it('ProbeViaModelInferHook samples the recipe dataset and runs the model-infer evaluator on the sample', async () => {
    const { cwd, registry, tracker, calls } = await setup();
    const config = sandboxConfig({
      probe_job_configs: [
        job('probe_job_configs', 0, {
          hook: 'ProbeViaModelInferHook',
          meta_name: 'probe_infer',
          dj_configs: { dataset_path: 'infer.jsonl', export_path: './outputs/probe/res.jsonl', data_probe_ratio: 0.5 },
          extra_configs: { type: 'fake_probe', model: 'tiny' },
        }),
      ],
    });
    const result = await runSandbox({ config, registry, cwd, tracker });
    const samplePath = 'outputs/probe/iter_1/model_infer_probe_sample.jsonl';
    expect(calls.sample).toEqual([{ ratio: 0.5, algo: 'uniform', exportPath: samplePath }]);
    expect(calls.probeConfigs).toEqual([{ type: 'fake_probe', model: 'tiny', dataset_path: samplePath }]);
    // The fixture keeps the first half: the ten rows whose truth is 1.
    expect(result.contexts[0]!.lookup('anonymous.probe_infer.0')).toEqual({
      found: true,
      value: { samples: 10, accuracy: 1 },
    });
    expect(tracker.query('probe_infer.samples')).toBe(10);
  });

  it('ProbeViaModelInferHook fails clearly when the data engine cannot sample', async () => {
    const { cwd, registry, tracker } = await setup({ withSample: false });
    const config = sandboxConfig({
      probe_job_configs: [
        job('probe_job_configs', 0, {
          hook: 'ProbeViaModelInferHook',
          meta_name: 'probe_infer',
          dj_configs: { dataset_path: 'infer.jsonl', export_path: './outputs/probe/res.jsonl' },
          extra_configs: { type: 'fake_probe' },
        }),
      ],
    });
    await expect(runSandbox({ config, registry, cwd, tracker })).rejects.toThrow(
      /\[plugin:hooks-model\] \[job:probe_infer\] dj_configs: the data engine cannot draw a probe sample.*sample\(\)/s,
    );
  });

  it('ProbeViaModelInferHook rejects a data_probe_ratio outside [0, 1] with the fix', async () => {
    const { cwd, registry, tracker } = await setup();
    const config = sandboxConfig({
      probe_job_configs: [
        job('probe_job_configs', 0, {
          hook: 'ProbeViaModelInferHook',
          meta_name: 'probe_infer',
          dj_configs: { dataset_path: 'infer.jsonl', data_probe_ratio: 1.5 },
          extra_configs: { type: 'fake_probe' },
        }),
      ],
    });
    await expect(runSandbox({ config, registry, cwd, tracker })).rejects.toThrow(
      /data_probe_ratio must be a number in \[0, 1\].*1\.5.*e\.g\. 0\.1/s,
    );
  });

  it('RefineRecipeViaModelFeedbackHook records null when no feedback recipe path is set', async () => {
    const { cwd, registry, tracker } = await setup();
    const config = sandboxConfig({
      refine_recipe_job_configs: [
        job('refine_recipe_job_configs', 0, { hook: 'RefineRecipeViaModelFeedbackHook', meta_name: 'refine' }),
      ],
    });
    const result = await runSandbox({ config, registry, cwd, tracker });
    expect(result.contexts[0]!.lookup('anonymous.refine.0')).toEqual({ found: true, value: null });
  });

  it('RefineRecipeViaModelFeedbackHook says it is not implemented and points at k-sigma when a path is set', async () => {
    const { cwd, registry, tracker } = await setup();
    const config = sandboxConfig({
      refine_recipe_job_configs: [
        job('refine_recipe_job_configs', 0, {
          hook: 'RefineRecipeViaModelFeedbackHook',
          meta_name: 'refine',
          extra_configs: { path_model_feedback_recipe: './refined.yaml' },
        }),
      ],
    });
    await expect(runSandbox({ config, registry, cwd, tracker })).rejects.toThrow(
      /not implemented yet.*RefineRecipeViaKSigmaHook/s,
    );
  });

  it('EvaluateDataHook without extra_configs names the missing key', async () => {
    const { cwd, registry, tracker } = await setup();
    const config = sandboxConfig({
      evaluation_job_configs: [job('evaluation_job_configs', 0, { hook: 'EvaluateDataHook', meta_name: 'e' })],
    });
    await expect(runSandbox({ config, registry, cwd, tracker })).rejects.toThrow(/extra_configs/);
  });
});
