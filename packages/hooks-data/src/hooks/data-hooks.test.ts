import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryTracker, type OverallTable, PluginRegistry, runSandbox } from '@dj-sandbox/core';
import { job, sandboxConfig } from '@dj-sandbox/test-utils';
import { describe, expect, it } from 'vitest';
import plugin from '../plugin.ts';
import { fixturePlugin } from '../test-helpers/fixture-plugin.ts';

const table: OverallTable = { text_len: { count: 6, mean: 30.5, std: 20.1, min: 8, max: 99 } };

async function setup() {
  const cwd = await mkdtemp(join(tmpdir(), 'hooks-data-'));
  await writeFile(
    join(cwd, 'demo.jsonl'),
    await readFile(new URL('../__fixtures__/data-demo-dataset.jsonl', import.meta.url)),
  );
  const registry = new PluginRegistry();
  await registry.add(plugin);
  await registry.add(fixturePlugin(table));
  return { cwd, registry, tracker: new MemoryTracker() };
}

const recipe = { dataset_path: 'demo.jsonl', export_path: './outputs/demo/processed.jsonl', process: [] };

describe('data hooks', () => {
  it('registers the six data hooks under the reference names', async () => {
    const { registry } = await setup();
    expect([...registry.hooks.entries()].filter(([, o]) => o.plugin === 'hooks-data').map(([n]) => n)).toEqual([
      'ProbeViaAnalyzerHook',
      'RefineRecipeViaKSigmaHook',
      'ProcessDataHook',
      'DataPoolManipulationHook',
      'GeneralProbeHook',
      'GeneralDataExecutorHook',
    ]);
  });

  it('ProbeViaAnalyzerHook tracks the overall table under its meta_name and returns the iterated export path', async () => {
    const { cwd, registry, tracker } = await setup();
    const config = sandboxConfig({
      probe_job_configs: [
        job('probe_job_configs', 0, { hook: 'ProbeViaAnalyzerHook', meta_name: 'probe', dj_configs: recipe }),
      ],
    });
    const result = await runSandbox({ config, registry, cwd, tracker });
    expect(tracker.query('probe')).toEqual(table);
    expect(tracker.query('probe.text_len.mean')).toBe(30.5);
    expect(result.contexts[0]!.lookup('anonymous.probe.0')).toEqual({
      found: true,
      value: './outputs/demo/iter_1/processed.jsonl',
    });
  });

  it('ProcessDataHook runs the executor and returns the iter_<n> export path where the data now is', async () => {
    const { cwd, registry, tracker } = await setup();
    const config = sandboxConfig({
      execution_job_configs: [
        job('execution_job_configs', 0, { hook: 'ProcessDataHook', meta_name: 'process', dj_configs: recipe }),
      ],
    });
    const result = await runSandbox({ config: { ...config, max_iter_num: 2 }, registry, cwd, tracker });
    expect(result.contexts.map((c) => c.lookup('anonymous.process.0'))).toEqual([
      { found: true, value: './outputs/demo/iter_1/processed.jsonl' },
      { found: true, value: './outputs/demo/iter_2/processed.jsonl' },
    ]);
    const copied = await readFile(join(cwd, 'outputs/demo/iter_2/processed.jsonl'), 'utf8');
    expect(copied.trim().split('\n')).toHaveLength(6);
  });

  it.each([
    ['DataPoolManipulationHook', 'DataPoolManipulator'],
    ['GeneralProbeHook', 'GeneralProbe'],
    ['GeneralDataExecutorHook', 'GeneralDataExecutor'],
  ])('%s builds a %s from extra_configs.type and returns its result', async (hook, kind) => {
    const { cwd, registry, tracker } = await setup();
    expect(registry.hooks.get(hook)!.value.componentKind).toBe(kind);
    const config = sandboxConfig({
      execution_job_configs: [
        job('execution_job_configs', 0, {
          hook,
          meta_name: 'comp',
          extra_configs: { type: 'echo', export_path: './out/pools/' },
        }),
      ],
    });
    const result = await runSandbox({ config, registry, cwd, tracker });
    expect(result.contexts[0]!.lookup('anonymous.comp.0')).toEqual({
      found: true,
      value: { kind, exportPath: './out/pools/iter_1' },
    });
  });

  it('fails before running when extra_configs names a type no plugin provides', async () => {
    const { cwd, registry, tracker } = await setup();
    const config = sandboxConfig({
      execution_job_configs: [
        job('execution_job_configs', 0, {
          hook: 'DataPoolManipulationHook',
          extra_configs: { type: 'data_pool_nonsense' },
        }),
      ],
    });
    await expect(runSandbox({ config, registry, cwd, tracker })).rejects.toThrow(
      /DataPoolManipulator type "data_pool_nonsense"/,
    );
  });

  it.each(['ProbeViaAnalyzerHook', 'ProcessDataHook'])(
    '%s without dj_configs names the missing key and the fix',
    async (hook) => {
      const { cwd, registry, tracker } = await setup();
      const config = sandboxConfig({ probe_job_configs: [job('probe_job_configs', 0, { hook, meta_name: 'x' })] });
      await expect(runSandbox({ config, registry, cwd, tracker })).rejects.toThrow(
        new RegExp(`\\[job:x\\] dj_configs: ${hook} needs a Data-Juicer recipe in dj_configs.*Add dj_configs`),
      );
    },
  );
});
