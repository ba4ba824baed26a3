import { readFileSync } from 'node:fs';
import { multiOutput } from '@dj-sandbox/core';
import { describe, expect, it } from 'vitest';
import { createTestRun } from '../create-test-run.ts';
import { testHooksPlugin } from '../test-plugins.ts';

// An auto-prompt-optimisation-shaped config (docs/config.md#reference-example-configs): two pipelines, input by -1 and
// by full key, local, a list output, a two-output job, targets and iter_updater.
const CONFIG = `
work_dir: ./outputs/apo
max_iter_num: 5
iter_targets: ["grader.grades_evaluation.min_mse <= 0.2"]
iter_updater:
  select.merge.merged_path: grader.generate.dj_configs.dataset_path
pipelines:
  - grader:
      execution_job_configs:
        - hook: ProcessDataHook
          meta_name: generate
          dj_configs: { dataset_path: ./prompts.jsonl, export_path: ./outputs/apo/prompts.jsonl }
        - hook: DataPoolManipulationHook
          meta_name: pools
          output: pool_paths
          input: { extra_configs.dataset_path: '-1.0' }
          extra_configs: { type: data_pool_construction, export_path: ./outputs/apo/pools/ }
      evaluation_job_configs:
        - hook: EvaluateDataHook
          meta_name: grades_evaluation
          output: [results, min_mse]
          local: { extra_configs.seed: 42 }
          input: { extra_configs.pools: grader.pools.pool_paths }
          extra_configs: { type: mse }
  - select:
      execution_job_configs:
        - hook: DataPoolManipulationHook
          meta_name: merge
          output: merged_path
          input: { extra_configs.best: '-1.min_mse' }
          extra_configs: { type: data_pool_merging, export_path: ./outputs/apo/merged/new_prompts.jsonl }
`;

describe('a multi-pipeline iterative run (issue 2, done-when)', () => {
  it('runs with test hooks and writes context_infos.json in the reference format', async () => {
    const hooks = testHooksPlugin({
      ProcessDataHook: (ctx) => ctx.djConfigs!.export_path,
      DataPoolManipulationHook: (ctx) =>
        ctx.metaName === 'pools'
          ? [`${ctx.extraConfigs!.export_path}/a.jsonl`, `${ctx.extraConfigs!.export_path}/b.jsonl`]
          : `${ctx.extraConfigs!.export_path}<-${ctx.extraConfigs!.best}`,
      EvaluateDataHook: (ctx) => {
        const pools = ctx.extraConfigs!.pools as string[];
        const mse = 0.5 / ctx.iteration;
        return multiOutput(
          pools.map((p) => ({ pred_path: p, mse })),
          mse,
        );
      },
    });
    const run = await createTestRun({ plugins: [hooks], config: CONFIG });
    const result = await run.run();
    expect(result.stopReason).toBe('targets');
    expect(result.contexts).toHaveLength(3);
    expect(hooks.calls.filter((c) => c.metaName === 'generate').map((c) => c.djConfigs!.dataset_path)).toEqual([
      './prompts.jsonl',
      './outputs/apo/merged/iter_1/new_prompts.jsonl<-0.5',
      './outputs/apo/merged/iter_2/new_prompts.jsonl<-0.25',
    ]);
    expect(hooks.calls.find((c) => c.metaName === 'grades_evaluation')!.extraConfigs).toEqual({
      type: 'mse',
      seed: 42,
      pools: ['./outputs/apo/pools/iter_1/a.jsonl', './outputs/apo/pools/iter_1/b.jsonl'],
    });
    // The raw text, so the snapshot shows the reference's layout: indent 4, meta_name first, outputs in key order.
    expect(readFileSync(run.path('outputs/apo/context_infos.json'), 'utf8')).toMatchSnapshot();
  });
});
