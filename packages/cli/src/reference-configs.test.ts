import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '@dj-sandbox/config';
import { checkConfig, PluginRegistry } from '@dj-sandbox/core';
import { testdir } from '@dj-sandbox/test-utils';
import { describe, expect, it } from 'vitest';

// The reference sandbox's own example configs (docs/config.md#reference-example-configs), laid out as in its
// repository: ./configs/...
const REFERENCE = fileURLToPath(new URL('./__fixtures__/reference/configs', import.meta.url));

describe('the reference example configs', () => {
  it.each([
    'configs/demo/sandbox.yaml',
    'configs/easyanimate_text_to_video/1_single_op_pipeline.yaml',
    'configs/internvl_coco_caption/sandbox_internvl_coco_caption.yaml',
  ])('%s loads unchanged and reports only plugins that are not loaded', async (file) => {
    const cwd = testdir();
    cpSync(REFERENCE, join(cwd, 'configs'), { recursive: true });
    const loaded = await loadConfig({ configFile: file, cwd, env: {} });
    expect(loaded.errors).toEqual([]);
    const { errors } = checkConfig(loaded.config!, new PluginRegistry(), cwd);
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors) {
      expect(error.code).toBe('hook-unknown');
      expect(error.message).toMatch(/is provided by @dj-sandbox\/(hooks-data|hooks-model): install it\./);
    }
  });

  it('normalises the multi-pipeline InternVL config: four pipelines, resume on, cross-pipeline inputs kept', async () => {
    const cwd = testdir();
    cpSync(REFERENCE, join(cwd, 'configs'), { recursive: true });
    const { config } = await loadConfig({
      configFile: 'configs/internvl_coco_caption/sandbox_internvl_coco_caption.yaml',
      cwd,
      env: {},
    });
    expect(config!.pipelines.map((p) => p.name)).toEqual([
      'baseline_preparation',
      'single_op_exps',
      'multiple_op_exps',
      'scaling_exps',
    ]);
    expect(config!.resume).toBe(true);
    const probe = config!.pipelines[1]!.jobs.probe_job_configs[0]!;
    expect(probe.hook).toBe('ProbeViaAnalyzerHook');
    expect(Object.keys(probe.input)).toEqual(['dj_configs.dataset_path']);
  });
});
