import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  defineHook,
  definePlugin,
  GLOBAL_DEFAULTS,
  type JobConfig,
  MemoryTracker,
  PluginRegistry,
  runSandbox,
  type SandboxConfig,
} from '@dj-sandbox/core';
import { describe, expect, it } from 'vitest';
import plugin from './plugin.ts';
import { fixture } from './test-helpers/pool-test-context.ts';

/** A fixture hook standing in for hooks-data's DataPoolManipulationHook / GeneralProbeHook. */
const fixtureHooks = definePlugin({
  id: 'fixture-pool-hooks',
  version: '0.0.0',
  apiVersion: 1,
  register(reg) {
    for (const kind of ['DataPoolManipulator', 'GeneralProbe'] as const) {
      reg.hooks.add(
        defineHook({
          name: `Fixture${kind}Hook`,
          description: 'builds the component from extra_configs',
          componentKind: kind,
          async run(ctx) {
            return (await ctx.components.create(kind, ctx.extraConfigs)).run();
          },
        }),
      );
    }
  },
});

function job(index: number, fields: Partial<JobConfig> & { hook: string }): JobConfig {
  return {
    meta_name: `job${index}`,
    input: {},
    output: null,
    local: {},
    dj_configs: null,
    extra_configs: null,
    configPath: `pipelines[0].execution_job_configs[${index}]`,
    ...fields,
  };
}

function config(jobs: JobConfig[]): SandboxConfig {
  const empty = { probe_job_configs: [], refine_recipe_job_configs: [], evaluation_job_configs: [] };
  return {
    ...GLOBAL_DEFAULTS,
    work_dir: './work',
    pipelines: [{ name: 'pools', configPath: 'pipelines[0]', jobs: { ...empty, execution_job_configs: jobs } }],
    raw: {},
  };
}

async function setup() {
  const cwd = await mkdtemp(join(tmpdir(), 'datapool-plugin-'));
  for (const name of ['data_mixture-the-pile-nih-refined.jsonl', 'data_mixture-the-pile-uspto-refined.jsonl']) {
    await writeFile(join(cwd, name), await fixture(name));
  }
  const registry = new PluginRegistry();
  await registry.add(plugin);
  await registry.add(fixtureHooks);
  return { cwd, registry };
}

describe('executor-datapool plugin', () => {
  it('registers six manipulators and the ranking probe', async () => {
    const { registry } = await setup();
    expect(registry.componentTypes('DataPoolManipulator')).toEqual([
      'data_pool_construction',
      'data_pool_combination',
      'data_pool_duplication',
      'data_pool_downsampling',
      'data_pool_merging',
      'data_pool_cartesian_join',
    ]);
    expect(registry.componentTypes('GeneralProbe')).toEqual(['data_pool_ranking']);
  });

  it('chains manipulators in a sandbox run through recorded outputs, into iter_<n> folders', async () => {
    const { cwd, registry } = await setup();
    const pools = ['data_mixture-the-pile-nih-refined.jsonl', 'data_mixture-the-pile-uspto-refined.jsonl'];
    const result = await runSandbox({
      config: config([
        job(0, {
          hook: 'FixtureDataPoolManipulatorHook',
          extra_configs: {
            type: 'data_pool_downsampling',
            dataset_path: pools,
            export_path: './out/down/',
            target_num_samples: 4,
          },
        }),
        job(1, {
          hook: 'FixtureDataPoolManipulatorHook',
          input: { 'extra_configs.dataset_path': '-1.0' },
          extra_configs: { type: 'data_pool_merging', export_path: './out/merged/all.jsonl' },
        }),
        job(2, {
          hook: 'FixtureGeneralProbeHook',
          input: { 'extra_configs.dataset_path': 'pools.job0.0' },
          extra_configs: { type: 'data_pool_ranking', metrics: [{ acc: 0.2 }, { acc: 0.7 }], ranking_keys: ['acc'] },
        }),
      ]),
      registry,
      cwd,
      tracker: new MemoryTracker(),
    });
    const ctx = result.contexts[0]!;
    expect(ctx.lookup('pools.job0.0')).toEqual({
      found: true,
      value: [
        './out/down/iter_1/data_mixture-the-pile-nih-refined_4.jsonl',
        './out/down/iter_1/data_mixture-the-pile-uspto-refined_4.jsonl',
      ],
    });
    expect(ctx.lookup('pools.job1.0')).toEqual({ found: true, value: './out/merged/iter_1/all.jsonl' });
    const merged = (await readFile(join(cwd, 'out/merged/iter_1/all.jsonl'), 'utf8')).trim().split('\n');
    expect(merged).toHaveLength(8);
    const meta = JSON.parse(await readFile(join(cwd, 'out/merged/iter_1/all.jsonl.meta.json'), 'utf8'));
    expect(meta).toMatchObject({
      operation: 'data_pool_merging',
      samples: 8,
      parents: (ctx.lookup('pools.job0.0') as { value: string[] }).value,
    });
    expect(ctx.lookup('pools.job2.0')).toEqual({
      found: true,
      value: [
        './out/down/iter_1/data_mixture-the-pile-uspto-refined_4.jsonl',
        './out/down/iter_1/data_mixture-the-pile-nih-refined_4.jsonl',
      ],
    });
  });

  it('reports invalid parameters through the component factory, with the reference message', async () => {
    const { cwd, registry } = await setup();
    const run = runSandbox({
      config: config([
        job(0, {
          hook: 'FixtureDataPoolManipulatorHook',
          extra_configs: {
            type: 'data_pool_construction',
            dataset_path: 'x.jsonl',
            export_path: 'o',
            split_ratios: [0.5, 1.5],
          },
        }),
      ]),
      registry,
      cwd,
      tracker: new MemoryTracker(),
    });
    await expect(run).rejects.toThrow(
      /invalid DataPoolManipulator config for type "data_pool_construction": split_ratios\[1\]: split_ratios should be in \(0, 1\)/,
    );
  });
});
