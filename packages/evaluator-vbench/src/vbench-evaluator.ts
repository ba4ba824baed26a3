import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import {
  type ComponentEnv,
  configError,
  defineComponent,
  jobError,
  type PythonEnv,
  pythonEnvsRef,
  runInfoRef,
} from '@dj-sandbox/core';
import { envSpecFromConfig, pythonEnvConfigShape } from '@dj-sandbox/env-manager';
import { z } from 'zod';

const TYPE = 'vbench_video_evaluator';
const PLUGIN = 'evaluator-vbench';

const config = z
  .object({
    type: z.literal(TYPE),
    ...pythonEnvConfigShape,
    env_deps: z
      .array(z.string())
      .default([
        'vbench',
        'detectron2@git+https://github.com/facebookresearch/detectron2.git@b7c7f4ba82192ff06f2bbb162b9f67b00ea55867',
      ])
      .describe('What the env gets: VBench and the detectron2 commit the reference pins.'),
    eval_name: z.string().default('vbench_evaluator'),
    full_json_dir: z.string().nullish().describe('The VBench prompt/dimension info JSON (VBench_mini_info.json).'),
    output_path: z.string().nullish().describe('Folder for the logs and results.'),
    videos_path: z.string().nullish().describe('Folder of the generated videos (<prompt>-<i>.mp4).'),
    dimension_list: z.array(z.string()).nullish().describe('VBench dimensions to evaluate, in order.'),
    load_ckpt_from_local: z.boolean().default(false),
    num_gpus: z.number().int().nullish().describe('GPUs for VBench; default: every CUDA device of the env.'),
  })
  .loose();

type Config = z.output<typeof config>;

function required<K extends 'full_json_dir' | 'output_path' | 'videos_path'>(cfg: Config, key: K): string {
  const value = cfg[key];
  if (typeof value === 'string' && value) return value;
  throw configError('vbench-config', `Please specify the ${key}.`, {
    plugin: PLUGIN,
    path: `extra_configs.${key}`,
    expected: 'a path',
    received: value,
    fix: `set ${key} in the evaluator config`,
  });
}

function cwdOf(env: ComponentEnv): string {
  try {
    return env.resolve(runInfoRef).cwd;
  } catch {
    return process.cwd();
  }
}

/** The CUDA devices the env's torch sees, or null when it cannot tell (no torch). */
async function cudaDevices(python: PythonEnv, component: string): Promise<number | null> {
  const lines: string[] = [];
  const result = await python.run(['python', '-c', 'import torch; print(torch.cuda.device_count())'], {
    component,
    allowFailure: true,
    onLine: (line) => lines.push(line),
  });
  const count = Number(lines.at(-1));
  return result.exitCode === 0 && Number.isInteger(count) ? count : null;
}

/** Where `vbench evaluate` says it saved its results, from one run's own output. */
export function resultPathFromLog(lines: readonly string[]): string | null {
  for (const line of lines) {
    const m = /Evaluation results saved to (.*?)\.json/.exec(line);
    if (m) return `${m[1]}.json`;
  }
  return null;
}

/**
 * `vbench_video_evaluator`: runs `vbench evaluate` once per dimension in the env, each into its own folder
 * `<output_path>/iter_<n>/<dimension>/`, reads that run's result JSON (`{dimension: [score, per-video]}`), writes
 * `<eval_name>_merged_results.json` (`{mean_score, detail}`) and returns the mean. The reference appended every run
 * to one log and took its first "saved to" line, so a rerun read stale results; here each run's own output is read.
 */
export const vbenchEvaluator = defineComponent({
  kind: 'DataEvaluator',
  type: TYPE,
  description: 'Evaluates generated videos with VBench (one vbench evaluate per dimension) and returns the mean score.',
  config,
  create(cfg, env) {
    const cwd = cwdOf(env);
    const fullJson = resolve(cwd, required(cfg, 'full_json_dir'));
    const outputRoot = resolve(cwd, required(cfg, 'output_path'));
    const videos = resolve(cwd, required(cfg, 'videos_path'));
    const dimensions = cfg.dimension_list ?? [];
    if (dimensions.length === 0) {
      throw configError('vbench-config', 'Please specify the dimension_list.', {
        plugin: PLUGIN,
        path: 'extra_configs.dimension_list',
        expected: 'a non-empty list of VBench dimensions, e.g. [subject_consistency, dynamic_degree]',
        received: cfg.dimension_list,
        fix: 'list the dimensions to evaluate',
      });
    }
    return {
      async run(evalType: unknown = 'data') {
        if (evalType !== 'data') {
          throw jobError('vbench-eval-type', `Unsupported evaluation type: ${JSON.stringify(evalType)}`, {
            plugin: PLUGIN,
            expected: "'data' (EvaluateDataHook)",
            received: evalType,
            fix: 'use vbench_video_evaluator from EvaluateDataHook',
          });
        }
        const component = `[plugin:${PLUGIN}] evaluate`;
        const python = await env
          .resolve(pythonEnvsRef)
          .ensure(envSpecFromConfig(cfg, { deps: cfg.env_deps, baseDir: cwd }), { component, signal: env.signal });
        const available = await cudaDevices(python, component);
        let gpus = cfg.num_gpus ?? available ?? 0;
        if (available !== null && gpus > available) {
          env.logger.warn(`num_gpus ${gpus} is more than the ${available} available; using ${available}`);
          gpus = available;
        }
        if (gpus <= 0) {
          throw jobError('vbench-no-gpu', 'No available GPUs.', {
            plugin: PLUGIN,
            path: 'extra_configs.num_gpus',
            expected: 'at least one CUDA device',
            received: available === null ? 'torch could not be imported in the env' : `${available} devices`,
            fix: 'run on a machine with a GPU, or set num_gpus when the env cannot tell',
          });
        }
        if (available === null) env.logger.warn(`could not count the CUDA devices in the env; using num_gpus ${gpus}`);

        const iterDir = join(outputRoot, `iter_${env.scope.iteration}`);
        const detail: Record<string, number> = {};
        for (const dimension of dimensions) {
          const outDir = join(iterDir, dimension);
          mkdirSync(outDir, { recursive: true });
          const lines: string[] = [];
          const argv = ['vbench', 'evaluate', '--ngpus', String(gpus), '--full_json_dir', fullJson];
          argv.push('--output_path', outDir, '--videos_path', videos, '--dimension', dimension);
          // The CLI parses this flag with bool(str), so "False" would mean true: pass it only when it is true.
          if (cfg.load_ckpt_from_local) argv.push('--load_ckpt_from_local', 'True');
          const logFile = join(iterDir, `eval_log_${dimension}.txt`);
          writeFileSync(logFile, '');
          await python.run(argv, { component, signal: env.signal, logFile, onLine: (line) => lines.push(line) });
          const resultFile = resultPathFromLog(lines);
          if (!resultFile || !existsSync(resultFile)) {
            throw jobError('vbench-no-result', 'Cannot find the result json file from the evaluation log.', {
              plugin: PLUGIN,
              expected: `a line "Evaluation results saved to <file>.json" naming an existing file (dimension ${dimension})`,
              received: resultFile ?? 'no such line',
              fix: `read ${logFile}`,
            });
          }
          const results = JSON.parse(readFileSync(resultFile, 'utf8')) as Record<string, unknown>;
          const entry = results[dimension];
          const score = Array.isArray(entry) ? Number(entry[0]) : Number.NaN;
          if (!Number.isFinite(score)) {
            throw jobError('vbench-bad-result', `VBench's result for ${dimension} has no score`, {
              plugin: PLUGIN,
              path: resultFile,
              expected: `{"${dimension}": [score, per-video results]}`,
              received: JSON.stringify(entry)?.slice(0, 120),
              fix: 'check the VBench version and the videos',
            });
          }
          detail[dimension] = score;
          env.logger.info(`VBench ${dimension}: ${score}`);
        }
        const scores = Object.values(detail);
        const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
        const merged = JSON.stringify({ mean_score: mean, detail }, null, 2);
        for (const dir of [iterDir, outputRoot]) writeAtomic(join(dir, `${cfg.eval_name}_merged_results.json`), merged);
        return mean;
      },
    };
  },
});

function writeAtomic(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const partial = `${path}.partial-${process.pid}`;
  writeFileSync(partial, `${text}\n`);
  renameSync(partial, path);
}
