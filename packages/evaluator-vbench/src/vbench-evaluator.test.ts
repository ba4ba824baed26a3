import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { isDjSandboxError, MemoryTracker, PluginRegistry, runSandbox } from '@dj-sandbox/core';
import envManager, { findExecutable } from '@dj-sandbox/env-manager';
import hooksModel from '@dj-sandbox/hooks-model';
import { job, sandboxConfig } from '@dj-sandbox/test-utils';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import plugin from './plugin.ts';
import { FAKE_VBENCH_BIN } from './testing/index.ts';

/** These tests make real uv environments (env-manager); without uv they cannot run. */
const UV_MISSING = findExecutable('uv') === undefined;

const INFO = new URL('./__fixtures__/VBench_mini_info.json', import.meta.url);
const saved = { PATH: process.env.PATH, score: process.env.DJ_SANDBOX_FAKE_VBENCH_SCORE };
const prompts = JSON.parse(readFileSync(INFO, 'utf8')) as Array<{ prompt_en: string; dimension: string[] }>;

const extra = (over: Record<string, unknown> = {}) => ({
  type: 'vbench_video_evaluator',
  env_manager: 'uv',
  env_deps: [],
  full_json_dir: './VBench_mini_info.json',
  videos_path: './outputs/generated_videos',
  output_path: './outputs/eval_results',
  eval_name: 'mini_test',
  load_ckpt_from_local: false,
  num_gpus: 1,
  dimension_list: ['subject_consistency', 'dynamic_degree'],
  ...over,
});

async function evaluate(cwd: string, extraConfigs = extra()) {
  const registry = new PluginRegistry();
  for (const p of [envManager, hooksModel, plugin]) await registry.add(p);
  const config = sandboxConfig({
    evaluation_job_configs: [
      job('evaluation_job_configs', 0, {
        hook: 'EvaluateDataHook',
        meta_name: 'vbench_eval',
        extra_configs: extraConfigs,
      }),
    ],
  });
  const tracker = new MemoryTracker();
  const result = await runSandbox({ config, registry, cwd, tracker });
  return { value: result.contexts[0]!.lookup('anonymous.vbench_eval.0'), tracker };
}

describe.skipIf(UV_MISSING)(
  UV_MISSING
    ? `vbench_video_evaluator (fake vbench on PATH) (skipped: uv not on PATH)`
    : 'vbench_video_evaluator (fake vbench on PATH)',
  () => {
    let cwd: string;

    beforeAll(() => {
      process.env.PATH = `${FAKE_VBENCH_BIN}${delimiter}${process.env.PATH}`;
    });
    afterAll(() => {
      process.env.PATH = saved.PATH;
      if (saved.score === undefined) delete process.env.DJ_SANDBOX_FAKE_VBENCH_SCORE;
      else process.env.DJ_SANDBOX_FAKE_VBENCH_SCORE = saved.score;
    });
    beforeEach(async () => {
      cwd = await mkdtemp(join(tmpdir(), 'vbench-'));
      writeFileSync(join(cwd, 'VBench_mini_info.json'), readFileSync(INFO));
      mkdirSync(join(cwd, 'outputs/generated_videos'), { recursive: true });
      for (const p of prompts)
        for (const i of [0, 1]) writeFileSync(join(cwd, `outputs/generated_videos/${p.prompt_en}-${i}.mp4`), '');
    });

    it('runs vbench evaluate per dimension and returns the mean of their scores, with the merged results written', async () => {
      process.env.DJ_SANDBOX_FAKE_VBENCH_SCORE = '0.75';
      const { value } = await evaluate(cwd);
      expect(value).toEqual({ found: true, value: 0.75 });
      const merged = JSON.parse(readFileSync(join(cwd, 'outputs/eval_results/mini_test_merged_results.json'), 'utf8'));
      expect(merged).toEqual({ mean_score: 0.75, detail: { subject_consistency: 0.75, dynamic_degree: 0.75 } });
      const iter = join(cwd, 'outputs/eval_results/iter_1');
      expect(readdirSync(iter).sort()).toEqual([
        'dynamic_degree',
        'eval_log_dynamic_degree.txt',
        'eval_log_subject_consistency.txt',
        'mini_test_merged_results.json',
        'subject_consistency',
      ]);
      const log = readFileSync(join(iter, 'eval_log_dynamic_degree.txt'), 'utf8');
      expect(log).toMatch(/Evaluation results saved to .*dynamic_degree\/results_.*_eval_results\.json/);
    });

    it('averages different dimension scores', async () => {
      delete process.env.DJ_SANDBOX_FAKE_VBENCH_SCORE;
      const { value } = await evaluate(cwd);
      const merged = JSON.parse(readFileSync(join(cwd, 'outputs/eval_results/mini_test_merged_results.json'), 'utf8'));
      const scores = Object.values(merged.detail as Record<string, number>);
      expect(scores).toHaveLength(2);
      expect(value).toEqual({ found: true, value: (scores[0]! + scores[1]!) / 2 });
    });

    it('records a mean of 0.0 instead of failing the job', async () => {
      process.env.DJ_SANDBOX_FAKE_VBENCH_SCORE = '0';
      const { value, tracker } = await evaluate(cwd);
      expect(value).toEqual({ found: true, value: 0 });
      expect(tracker.query('vbench_eval')).toBe(0);
    });

    it('reads the scores of this run, not an earlier one in the same output folder', async () => {
      process.env.DJ_SANDBOX_FAKE_VBENCH_SCORE = '0.9';
      await evaluate(cwd);
      process.env.DJ_SANDBOX_FAKE_VBENCH_SCORE = '0.3';
      const { value } = await evaluate(cwd);
      expect(value).toEqual({ found: true, value: 0.3 });
    });

    it('refuses a config without dimensions before anything runs', async () => {
      const error = await evaluate(cwd, extra({ dimension_list: [] })).catch((e: unknown) => e);
      expect(isDjSandboxError(error)).toBe(true);
      expect(String((error as Error).message)).toMatch(/Please specify the dimension_list/);
    });
  },
);
