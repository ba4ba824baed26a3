import { loadConfig } from '@dj-sandbox/config';
import { checkConfig, PluginRegistry } from '@dj-sandbox/core';
import { testdir, testHooksPlugin } from '@dj-sandbox/test-utils';
import { describe, expect, it } from 'vitest';
import plugin from '../plugin.ts';

async function check(files: Record<string, string>) {
  const cwd = testdir(files);
  const { config } = await loadConfig({ configFile: 'sandbox.yaml', cwd, env: {} });
  const registry = new PluginRegistry();
  await registry.add(plugin);
  await registry.add(testHooksPlugin({ TrainModelHook: () => null, GeneralDataExecutorHook: () => null }));
  return checkConfig(config!, registry, cwd).errors;
}

describe('the <internvl_home> placeholder check', () => {
  it('reports every value left with the placeholder as one problem, in job files too, except keys that input replaces', async () => {
    const errors = await check({
      'train.yaml':
        'type: internvl_coco_caption\ninternvl_home: <internvl_home>\nwork_dir: <internvl_home>/work_dirs\n',
      'sandbox.yaml': `
pipelines:
  - p:
      execution_job_configs:
        - hook: GeneralDataExecutorHook
          meta_name: meta
          input: { extra_configs.dataset_path: '-1.x' }
          extra_configs: { type: coco_caption_meta_generation, dataset_path: '<internvl_home>/x.jsonl', export_path: '<internvl_home>/metas/' }
        - hook: TrainModelHook
          meta_name: train
          extra_configs: train.yaml
`,
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toMatch(/3 value\(s\) still hold the placeholder <internvl_home>/);
    expect(errors[0]!.message).toMatch(
      /execution_job_configs\[0\]\.extra_configs\.export_path, .*execution_job_configs\[1\]\.extra_configs\.internvl_home/,
    );
  });

  it('says nothing when no placeholder is left', async () => {
    const errors = await check({
      'sandbox.yaml': `
pipelines:
  - p:
      execution_job_configs:
        - hook: TrainModelHook
          meta_name: train
          extra_configs: { type: internvl_coco_caption, internvl_home: /opt/InternVL }
`,
    });
    expect(errors).toEqual([]);
  });
});
