import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MemoryTracker, PluginRegistry, runSandbox } from '@dj-sandbox/core';
import envManager, { findExecutable } from '@dj-sandbox/env-manager';
import hooksModel from '@dj-sandbox/hooks-model';
import { job, sandboxConfig } from '@dj-sandbox/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTRACTOR_ENV } from './inception-evaluator.ts';
import plugin from './plugin.ts';
import { FAKE_INCEPTION_BIN } from './testing/index.ts';

/** These tests make real uv environments (env-manager); without uv they cannot run. */
const UV_MISSING = findExecutable('uv') === undefined;

const VIDEO = fileURLToPath(new URL('./__fixtures__/tiny.mp4', import.meta.url));
const saved = { PATH: process.env.PATH, extractor: process.env[EXTRACTOR_ENV] };

async function evaluate(cwd: string, extra: Record<string, unknown>) {
  const registry = new PluginRegistry();
  for (const p of [envManager, hooksModel, plugin]) await registry.add(p);
  const config = sandboxConfig({
    evaluation_job_configs: [
      job('evaluation_job_configs', 0, {
        hook: 'EvaluateDataHook',
        meta_name: 'inception',
        extra_configs: {
          type: 'video_inception_evaluator',
          env_manager: 'uv',
          env_deps: [],
          fake_data_path: './fake.jsonl',
          real_data_path: './real.jsonl',
          fake_mm_dir: './videos',
          real_mm_dir: null,
          detector_path: null,
          result_path: './outputs/inception_eval_results.jsonl',
          height: 240,
          width: 320,
          replace_cache: false,
          verbose: false,
          ...extra,
        },
      }),
    ],
  });
  const tracker = new MemoryTracker();
  const result = await runSandbox({ config, registry, cwd, tracker });
  const found = result.contexts[0]!.lookup('anonymous.inception.0');
  if (!found.found) throw new Error(`no result recorded: ${found.missing}`);
  return { value: found.value as Record<string, unknown>, tracker };
}

describe.skipIf(UV_MISSING)(
  UV_MISSING
    ? `video_inception_evaluator (fake feature extractor on PATH) (skipped: uv not on PATH)`
    : 'video_inception_evaluator (fake feature extractor on PATH)',
  () => {
    let cwd: string;

    beforeAll(async () => {
      process.env.PATH = `${FAKE_INCEPTION_BIN}${delimiter}${process.env.PATH}`;
      process.env[EXTRACTOR_ENV] = 'fake-inception-features';
      cwd = await mkdtemp(join(tmpdir(), 'inception-'));
      mkdirSync(join(cwd, 'videos'));
      const fake = ['a', 'b', 'c', 'd'].map((n) => {
        copyFileSync(VIDEO, join(cwd, 'videos', `${n}.mp4`));
        return JSON.stringify({ videos: [`${n}.mp4`], text: n });
      });
      const real = ['r1', 'r2', 'r3', 'r4', 'r5'].map((n) => {
        copyFileSync(VIDEO, join(cwd, `${n}.mp4`));
        return JSON.stringify({ videos: [join(cwd, `${n}.mp4`)] });
      });
      writeFileSync(join(cwd, 'fake.jsonl'), `${fake.join('\n')}\n`);
      writeFileSync(join(cwd, 'real.jsonl'), `${real.join('\n')}\n`);
    });
    afterAll(() => {
      process.env.PATH = saved.PATH;
      if (saved.extractor === undefined) delete process.env[EXTRACTOR_ENV];
      else process.env[EXTRACTOR_ENV] = saved.extractor;
    });

    it('returns the result dict of the reference for FVD and appends it as a JSON line with the run inputs', async () => {
      const { value, tracker } = await evaluate(cwd, { metric: 'fvd2048_16f', num_runs: 1, seed: 42 });
      expect(Object.keys(value)).toEqual(['results', 'metric', 'total_time', 'total_time_str', 'world_size']);
      expect(value.metric).toBe('fvd2048_16f');
      expect(Object.keys(value.results as object)).toEqual(['fvd2048_16f']);
      expect((value.results as Record<string, number>).fvd2048_16f).toBeGreaterThan(0);
      expect(tracker.query('inception.results.fvd2048_16f')).toBe(
        (value.results as Record<string, number>).fvd2048_16f,
      );
      const lines = readFileSync(join(cwd, 'outputs/inception_eval_results.jsonl'), 'utf8').trim().split('\n');
      expect(JSON.parse(lines.at(-1)!)).toMatchObject({
        metric: 'fvd2048_16f',
        num_runs: 1,
        real_data_path: './real.jsonl',
        fake_data_path: './fake.jsonl',
      });
    });

    it('names every run and adds the mean and std when num_runs > 1, drawing the KVD subsets from the seed', async () => {
      const run = async (seed: number) =>
        (await evaluate(cwd, { metric: 'kvd2048_16f', num_runs: 3, seed })).value.results as Record<string, number>;
      const first = await run(42);
      expect(Object.keys(first)).toEqual([
        'kvd2048_16f_run01',
        'kvd2048_16f_run02',
        'kvd2048_16f_run03',
        'kvd2048_16f_mean',
        'kvd2048_16f_std',
      ]);
      expect(first.kvd2048_16f_run01).not.toBe(first.kvd2048_16f_run02);
      expect(await run(42)).toEqual(first);
      expect((await run(7)).kvd2048_16f_mean).not.toBe(first.kvd2048_16f_mean);
    });

    it('scores generated videos alone for the inception score, with mean and std keys', async () => {
      const { value } = await evaluate(cwd, { metric: 'is50k', real_data_path: null, num_runs: 1 });
      expect(Object.keys(value.results as object)).toEqual(['is50k_mean', 'is50k_std']);
    });

    it('refuses an unknown metric with the list of supported ones', async () => {
      await expect(evaluate(cwd, { metric: 'fvd4096' })).rejects.toThrow(
        /Metric \[fvd4096\] is not supported\. Can only be one of \[fvd2048_16f, fvd2048_128f/,
      );
    });
  },
);
