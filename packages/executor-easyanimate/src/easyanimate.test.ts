import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MemoryTracker, PluginRegistry, runSandbox } from '@dj-sandbox/core';
import envManager, { findExecutable } from '@dj-sandbox/env-manager';
import hooksData from '@dj-sandbox/hooks-data';
import hooksModel from '@dj-sandbox/hooks-model';
import { job, sandboxConfig } from '@dj-sandbox/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import plugin from './plugin.ts';
import { FAKE_EASYANIMATE_BIN } from './testing/index.ts';

/** These tests make real uv environments (env-manager); without uv they cannot run. */
const UV_MISSING = findExecutable('uv') === undefined;

const FIXTURES = fileURLToPath(new URL('./__fixtures__/', import.meta.url));
const saved = {
  PATH: process.env.PATH,
  video: process.env.DJ_SANDBOX_FAKE_VIDEO,
  calls: process.env.DJ_SANDBOX_FAKE_CALLS,
};

const common = {
  type: 'easyanimate',
  env_manager: 'uv',
  env_deps: [],
  easyanimate_home: 'thirdparty/models/EasyAnimate',
  easyanimate_patch: 'thirdparty/models/patch/easyanimate.diff',
};
const trainExtra = {
  ...common,
  train: {
    tracker_config: { project_name: 'demo-bench', experiment_name: 'fake-train' },
    model_path: {
      pretrained_model_name_or_path: 'PixArt-alpha/PixArt-XL-2-512x512',
      transformer_path: '/models/ea.safetensors',
    },
    dataset_path: { dataset_name: '', dataset_meta_name: '../../../outputs/ea/iter_1/for-train_ea_fmt.json' },
    training_config: {
      sample_size: 256,
      mixed_precision: 'bf16',
      batch_size_per_gpu: 2,
      gradient_accumulation_steps: 1,
      num_train_epochs: 2,
      dataloader_num_workers: 8,
      seed: 42,
    },
    saving_config: { output_dir: '../../../outputs/models' },
  },
};
const inferExtra = {
  ...common,
  train: {
    model_path: {
      pretrained_model_name_or_path: 'PixArt-alpha/PixArt-XL-2-512x512',
      transformer_path: '/models/ea.safetensors',
      lora_path: '../../../outputs/models/checkpoint-4.safetensors',
    },
    infer_config: {
      image_size: 256,
      prompt_info_path: '../../../VBench_mini_info.json',
      gpu_num: 2,
      batch_size: 8,
      mixed_precision: 'bf16',
      video_num_per_prompt: 2,
      seed: 43,
    },
    saving_config: { output_video_dir: '../../../outputs/generated_videos' },
  },
};

async function runPipeline(cwd: string, tracker = new MemoryTracker()) {
  const registry = new PluginRegistry();
  for (const p of [envManager, hooksData, hooksModel, plugin]) await registry.add(p);
  const config = sandboxConfig({
    execution_job_configs: [
      job('execution_job_configs', 0, {
        hook: 'GeneralDataExecutorHook',
        meta_name: 'convert',
        extra_configs: {
          type: 'dj_to_easyanimate_video_dataset_conversion',
          dataset_path: './data/for-train.jsonl',
          export_path: './outputs/ea',
        },
      }),
      job('execution_job_configs', 1, { hook: 'TrainModelHook', meta_name: 'train', extra_configs: trainExtra }),
      job('execution_job_configs', 2, { hook: 'InferModelHook', meta_name: 'infer', extra_configs: inferExtra }),
    ],
  });
  const result = await runSandbox({ config, registry, cwd, tracker });
  return { result, tracker };
}

describe.skipIf(UV_MISSING)(
  UV_MISSING
    ? `EasyAnimate train and infer (fake git, accelerate and infer_lora.py on PATH) (skipped: uv not on PATH)`
    : 'EasyAnimate train and infer (fake git, accelerate and infer_lora.py on PATH)',
  () => {
    let cwd: string;
    let first: Awaited<ReturnType<typeof runPipeline>>;
    const calls = () => readFileSync(join(cwd, 'fake-calls.txt'), 'utf8').trim().split('\n');

    beforeAll(async () => {
      cwd = await mkdtemp(join(tmpdir(), 'easyanimate-'));
      process.env.PATH = `${FAKE_EASYANIMATE_BIN}${delimiter}${process.env.PATH}`;
      process.env.DJ_SANDBOX_FAKE_VIDEO = join(FIXTURES, 'tiny.mp4');
      process.env.DJ_SANDBOX_FAKE_CALLS = join(cwd, 'fake-calls.txt');
      mkdirSync(join(cwd, 'data'));
      mkdirSync(join(cwd, 'thirdparty/models/patch'), { recursive: true });
      writeFileSync(join(cwd, 'thirdparty/models/patch/easyanimate.diff'), 'the sandbox patch\n');
      writeFileSync(join(cwd, 'VBench_mini_info.json'), readFileSync(join(FIXTURES, 'VBench_mini_info.json')));
      const rows = [
        { videos: ['/data/v1.mp4'], text: '<__dj__video> a cartoon' },
        { videos: [], text: '<__dj__video> no video here' },
        { videos: ['/data/v2.mp4'], text: '<__dj__video> 一个男人' },
        { videos: ['/data/v3.mp4'], text: '<__dj__video> two women' },
      ];
      writeFileSync(join(cwd, 'data/for-train.jsonl'), rows.map((r) => JSON.stringify(r)).join('\n'));
      first = await runPipeline(cwd);
    }, 240_000);

    afterAll(() => {
      process.env.PATH = saved.PATH;
      for (const [key, value] of [
        ['DJ_SANDBOX_FAKE_VIDEO', saved.video],
        ['DJ_SANDBOX_FAKE_CALLS', saved.calls],
      ] as const) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    });

    it('converts JSON Lines to the EasyAnimate metadata that training reads, as Python json.dump writes it', () => {
      const out = join(cwd, 'outputs/ea/iter_1/for-train_ea_fmt.json');
      expect(first.result.contexts[0]!.lookup('anonymous.convert.0')).toEqual({ found: true, value: out });
      expect(readFileSync(out, 'utf8')).toBe(
        '[{"videos": ["/data/v1.mp4"], "text": "a cartoon", "file_path": "/data/v1.mp4"}, ' +
          '{"videos": ["/data/v2.mp4"], "text": "\\u4e00\\u4e2a\\u7537\\u4eba", "file_path": "/data/v2.mp4"}, ' +
          '{"videos": ["/data/v3.mp4"], "text": "two women", "file_path": "/data/v3.mp4"}]',
      );
    });

    it('sets EasyAnimate up from the pinned commit and the patch, once for both jobs', () => {
      const home = join(cwd, 'thirdparty/models/EasyAnimate');
      expect(calls().filter((c) => c.startsWith('git'))).toEqual([
        `git clone https://github.com/aigc-apps/EasyAnimate.git ${home}`,
        `git -C ${home} rev-parse --is-inside-work-tree`,
        `git -C ${home} reset --hard b54412ceb0af6a06bf907e049920f18508c862f1`,
        `git -C ${home} apply ${join(cwd, 'thirdparty/models/patch/easyanimate.diff')}`,
      ]);
    });

    it('launches train_lora.py through accelerate with the 14 arguments and returns the folder it really wrote', () => {
      const launch = calls().find((c) => c.startsWith('accelerate'))!;
      expect(launch).toContain('accelerate launch --mixed_precision=bf16 train_lora.py --config_path');
      expect(launch).toContain('--train_data_meta=../../../outputs/ea/iter_1/for-train_ea_fmt.json');
      expect(launch).toContain('--num_train_epochs=2');
      expect(launch).toContain('--tracker_experiment_name=fake-train');
      const models = join(cwd, 'outputs/models');
      expect(first.result.contexts[0]!.lookup('anonymous.train.0')).toEqual({ found: true, value: models });
      expect(readdirSync(models)).toEqual(['checkpoint-4.safetensors']);
    });

    it('streams the loss, learning rate and step of every training step into the tracker', () => {
      const curve = (name: string) =>
        first.tracker
          .history()
          .filter((m) => m.key === `train.${name}`)
          .map((m) => [m.step, m.value]);
      expect(curve('loss')).toEqual([
        [1, 0.5],
        [2, 0.25],
        [3, 0.167],
        [4, 0.125],
      ]);
      expect(curve('lr')).toEqual([1, 2, 3, 4].map((s) => [s, 2e-5]));
      expect(curve('step').map(([, v]) => v)).toEqual([1, 2, 3, 4]);
    });

    it('keeps every line of training output in the model log, ended by the reference marker', () => {
      const logs = readdirSync(join(cwd, 'work')).filter((f) => /^model_exe_train_\d{14}\.log$/.test(f));
      expect(logs).toHaveLength(1);
      const log = readFileSync(join(cwd, 'work', logs[0]!), 'utf8');
      expect(log).toContain('***** Running training *****');
      expect(log).toContain('saving checkpoint:');
      expect(log.trimEnd().endsWith("<DJ-Sandbox> End of ModelExecutor's running <DJ-Sandbox>")).toBe(true);
    });

    it('generates videos for every prompt on both GPUs and returns their folder', () => {
      const videos = join(cwd, 'outputs/generated_videos');
      expect(first.result.contexts[0]!.lookup('anonymous.infer.0')).toEqual({ found: true, value: videos });
      const prompts = JSON.parse(readFileSync(join(FIXTURES, 'VBench_mini_info.json'), 'utf8')) as Array<{
        prompt_en: string;
      }>;
      expect(readdirSync(videos).sort()).toEqual(
        prompts.flatMap((p) => [`${p.prompt_en}-0.mp4`, `${p.prompt_en}-1.mp4`]).sort(),
      );
    });

    it('does not set EasyAnimate up again on a second run in the same env', async () => {
      const before = calls().filter((c) => c.startsWith('git')).length;
      await runPipeline(cwd);
      expect(calls().filter((c) => c.startsWith('git'))).toHaveLength(before);
      expect(existsSync(join(cwd, 'thirdparty/models/EasyAnimate/train_lora.sh'))).toBe(true);
    }, 240_000);
  },
);
