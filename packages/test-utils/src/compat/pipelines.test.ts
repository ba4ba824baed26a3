import { describe, expect, it } from 'vitest';
import { createTestRun } from '../create-test-run.ts';
import { testHooksPlugin } from '../test-plugins.ts';

const hooks = () => testHooksPlugin({ ProcessDataHook: (ctx) => `${ctx.pipeline}:${ctx.metaName}` });
type Ctx = Array<{ iter: number; pipeline_infos: Array<{ pipeline_name: string; job_infos: unknown[] }> }>;

describe('single- and multi-pipeline formats', () => {
  it('runs top-level job lists as one pipeline named anonymous, groups in fixed order', async () => {
    const plugin = testHooksPlugin({ ProcessDataHook: (ctx) => ctx.group, ProbeViaAnalyzerHook: (ctx) => ctx.group });
    const run = await createTestRun({
      plugins: [plugin],
      config: `
evaluation_job_configs: [{hook: ProcessDataHook, meta_name: e}]
probe_job_configs: [{hook: ProbeViaAnalyzerHook, meta_name: p}]
execution_job_configs: [{hook: ProcessDataHook, meta_name: x}]
`,
    });
    await run.run();
    expect(plugin.calls.map((c) => [c.pipeline, c.metaName])).toEqual([
      ['anonymous', 'p'],
      ['anonymous', 'x'],
      ['anonymous', 'e'],
    ]);
  });

  it('runs a list of pipelines in order, using only the first key of each element', async () => {
    const plugin = hooks();
    const run = await createTestRun({
      plugins: [plugin],
      config: `
pipelines:
  - first:
      execution_job_configs: [{hook: ProcessDataHook, meta_name: a}]
  - second:
      probe_job_configs: [{hook: ProcessDataHook, meta_name: b}]
`,
    });
    await run.run();
    expect((run.readContext() as Ctx)[0]!.pipeline_infos.map((p) => [p.pipeline_name, p.job_infos])).toEqual([
      ['first', [{ meta_name: 'a', 0: 'first:a' }]],
      ['second', [{ meta_name: 'b', 0: 'second:b' }]],
    ]);
  });

  it("accepts the user guide's mapping form of pipelines, in document order", async () => {
    const run = await createTestRun({
      plugins: [hooks()],
      config: `
pipelines:
  pipeline_1: { execution_job_configs: [{hook: ProcessDataHook, meta_name: a}] }
  pipeline_2: { execution_job_configs: [{hook: ProcessDataHook, meta_name: b}] }
`,
    });
    await run.run();
    expect((run.readContext() as Ctx)[0]!.pipeline_infos.map((p) => p.pipeline_name)).toEqual([
      'pipeline_1',
      'pipeline_2',
    ]);
  });

  it('rejects both formats at once', async () => {
    await expect(
      createTestRun({
        plugins: [hooks()],
        config: 'pipelines: [{a: {}}]\nexecution_job_configs: [{hook: ProcessDataHook}]\n',
      }),
    ).rejects.toThrow(/cannot specify both pipelines and top-level job configs/);
  });

  it('rejects two pipelines with the same name before running anything', async () => {
    const plugin = hooks();
    const run = await createTestRun({
      plugins: [plugin],
      config: 'pipelines:\n  - a: {execution_job_configs: [{hook: ProcessDataHook}]}\n  - a: {}\n',
    });
    await expect(run.run()).rejects.toThrow(/same name "a"/);
    expect(plugin.calls).toHaveLength(0);
  });

  it('runs an empty config as one anonymous pipeline with no jobs', async () => {
    const run = await createTestRun({ config: 'project_name: empty\n' });
    await run.run();
    expect(run.readContext()).toEqual([{ iter: 1, pipeline_infos: [{ pipeline_name: 'anonymous', job_infos: [] }] }]);
  });

  it('treats null job lists as empty and reads job entries from files', async () => {
    const plugin = hooks();
    const run = await createTestRun({
      plugins: [plugin],
      files: {
        'jobs/process.yaml': 'hook: ProcessDataHook\nmeta_name: from_file\n',
        'jobs/probe.json': '{"hook": "ProcessDataHook"}',
      },
      config: 'refine_recipe_job_configs:\nexecution_job_configs: [jobs/process.yaml, jobs/probe.json]\n',
    });
    await run.run();
    expect(plugin.calls.map((c) => c.metaName)).toEqual(['from_file', 'anonymous_meta_name']);
  });
});
