import { execFile } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { loadConfig } from '@dj-sandbox/config';
import { checkConfig, PluginRegistry } from '@dj-sandbox/core';
import envManager, { findExecutable } from '@dj-sandbox/env-manager';
import vbench from '@dj-sandbox/evaluator-vbench';
import { FAKE_VBENCH_BIN } from '@dj-sandbox/evaluator-vbench/testing';
import dataEngine from '@dj-sandbox/executor-data-juicer';
import datapool from '@dj-sandbox/executor-datapool';
import easyanimate from '@dj-sandbox/executor-easyanimate';
import { FAKE_EASYANIMATE_BIN } from '@dj-sandbox/executor-easyanimate/testing';
import hooksData from '@dj-sandbox/hooks-data';
import hooksModel from '@dj-sandbox/hooks-model';
import opsText from '@dj-sandbox/ops-text';
import opsVideo from '@dj-sandbox/ops-video';
import { testdir } from '@dj-sandbox/test-utils';
import { describe, expect, it } from 'vitest';

/** These tests make real uv environments (env-manager); without uv they cannot run. */
const UV_MISSING = findExecutable('uv') === undefined;

const EXAMPLE = fileURLToPath(new URL('..', import.meta.url));
const CLI = fileURLToPath(new URL('../../../packages/cli/dist/bin.js', import.meta.url));
const REFERENCE = fileURLToPath(new URL('./reference/', import.meta.url));

/** A copy of the example in a temp folder, with its installed plugins linked in and the GPU steps' packages off. */
function exampleCopy(): string {
  const dir = testdir();
  for (const entry of ['data', 'configs', 'sandbox.yaml'])
    cpSync(join(EXAMPLE, entry), join(dir, entry), { recursive: true });
  symlinkSync(join(EXAMPLE, 'node_modules'), join(dir, 'node_modules'));
  // The fakes need no GPU packages in their envs (deepspeed, VBench, detectron2).
  for (const file of ['model_train.yaml', 'model_train_2_epoch.yaml', 'model_infer.yaml', 'vbench_eval.yaml'])
    appendFileSync(join(dir, 'configs', file), 'env_deps: []\n');
  // The sandbox's EasyAnimate patch is not shipped; the fake git only checks that it is there.
  mkdirSync(join(dir, 'thirdparty/models/patch'), { recursive: true });
  writeFileSync(join(dir, 'thirdparty/models/patch/easyanimate.diff'), 'the Data-Juicer sandbox patch\n');
  return dir;
}

describe.skipIf(UV_MISSING)(
  UV_MISSING
    ? `examples/text-to-video (fake git, accelerate, infer_lora.py and vbench on PATH) (skipped: uv not on PATH)`
    : 'examples/text-to-video (fake git, accelerate, infer_lora.py and vbench on PATH)',
  () => {
    it('builds the single-op, multi-op and duplicate pools, trains, generates, scores and ranks them', async () => {
      const dir = exampleCopy();
      await promisify(execFile)(process.execPath, [CLI, 'run', '--config', 'sandbox.yaml'], {
        cwd: dir,
        env: {
          ...process.env,
          CI: 'true',
          PATH: [FAKE_EASYANIMATE_BIN, FAKE_VBENCH_BIN, process.env.PATH].join(delimiter),
          DJ_SANDBOX_FAKE_VIDEO: join(dir, 'data/videos/video1.mp4'),
        },
      });
      const out = (p: string) => join(dir, 'outputs/t2v', p);
      const [iteration] = JSON.parse(readFileSync(out('context_infos.json'), 'utf8'));
      const jobs = Object.fromEntries(
        iteration.pipeline_infos.map((p: { pipeline_name: string; job_infos: Array<Record<string, unknown>> }) => [
          p.pipeline_name,
          Object.fromEntries(p.job_infos.map((j) => [j.meta_name, j])),
        ]),
      );

      // Pools: the top third by language score (2 of 6 samples), and the samples with a 19-32 s video (video4's two).
      const rows = (p: string) => JSON.parse(readFileSync(join(dir, p), 'utf8')) as Array<Record<string, unknown>>;
      const lines = (p: string) => readFileSync(join(dir, p), 'utf8').trim().split('\n');
      expect(lines('outputs/t2v/iter_1/demo-dataset-with-high-language-score.jsonl')).toHaveLength(2);
      const multi = rows('outputs/t2v/iter_1/demo-dataset-with-multi-op-stats.json');
      expect(multi.map((r) => (r.videos as string[])[0]!.split('/').pop())).toEqual(['video4.mp4', 'video4.mp4']);
      expect(multi.map((r) => (r.__dj__stats__ as { video_duration: number[] }).video_duration)).toEqual([
        [22.433333],
        [22.433333],
      ]);

      // Converted for EasyAnimate, trained (1 epoch: checkpoint-1; duplicate, 2 epochs: checkpoint-2), generated.
      expect(readdirSync(out('ea/iter_1')).sort()).toEqual([
        'multi-op-for-train_ea_fmt.json',
        'single-op-for-train_ea_fmt.json',
      ]);
      expect(readdirSync(out('ea-duplicate/iter_1'))).toEqual(['demo-dataset-with-multi-op-stats_ea_fmt.json']);
      for (const [pool, ckpt] of [
        ['single_op', 'checkpoint-1.safetensors'],
        ['multi_op', 'checkpoint-1.safetensors'],
        ['duplicate', 'checkpoint-2.safetensors'],
      ] as const) {
        expect(jobs[pool].train['0']).toBe(out(`models/${pool}`));
        expect(readdirSync(out(`models/${pool}`))).toEqual([ckpt]);
        expect(readdirSync(out(`videos/${pool}`))).toHaveLength(11 * 5);
      }

      // Scored by VBench and ranked by the mean.
      const means = Object.fromEntries(
        ['single_op', 'multi_op', 'duplicate'].map((pool) => {
          const merged = JSON.parse(readFileSync(out(`eval/${pool}/mini_test_merged_results.json`), 'utf8'));
          expect(jobs[pool].vbench_eval['0']).toBe(merged.mean_score);
          return [pool, merged.mean_score as number];
        }),
      );
      const pools = {
        single_op: './outputs/t2v/iter_1/single-op-for-train.json',
        multi_op: './outputs/t2v/iter_1/multi-op-for-train.json',
        duplicate: './outputs/t2v/iter_1/demo-dataset-with-multi-op-stats.json',
      };
      const expected = (Object.keys(pools) as Array<keyof typeof pools>)
        .sort((a, b) => means[b]! - means[a]!)
        .map((k) => pools[k]);
      expect(jobs.ranking.pool_ranking.ranked_pools).toEqual(expected);

      // The report shows the ranking.
      const report = readFileSync(out('report.html'), 'utf8');
      expect(report).toContain('ranked_pools');
      for (const pool of expected) expect(report).toContain(pool);
    }, 300_000);
  },
);

describe("the reference's easyanimate_text_to_video configs", () => {
  it.each(['1_single_op_pipeline.yaml', '2_multi_op_pipeline.yaml', '3_duplicate_pipeline.yaml'])(
    '%s validates unchanged with the plugins installed',
    async (file) => {
      const cwd = testdir();
      cpSync(REFERENCE, join(cwd, 'configs/easyanimate_text_to_video'), { recursive: true });
      const loaded = await loadConfig({ configFile: `configs/easyanimate_text_to_video/${file}`, cwd, env: {} });
      expect(loaded.errors).toEqual([]);
      const registry = new PluginRegistry();
      for (const plugin of [
        envManager,
        hooksData,
        hooksModel,
        dataEngine,
        opsText,
        opsVideo,
        datapool,
        easyanimate,
        vbench,
      ])
        await registry.add(plugin);
      expect(checkConfig(loaded.config!, registry, cwd).errors).toEqual([]);
    },
  );
});
