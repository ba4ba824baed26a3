import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
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
import { readFeatures } from './features.ts';
import type { Matrix } from './metrics/matrix.ts';
import { LegacyRandomState } from './metrics/random-state.ts';
import { combineRuns, formatTime, METRICS, type MetricSpec } from './metrics/registry.ts';

const TYPE = 'video_inception_evaluator';
const PLUGIN = 'evaluator-inception';
const EXTRACTOR = fileURLToPath(new URL('../src/python/extract_features.py', import.meta.url));

/** Variable naming an extractor executable to run instead of the bundled Python script (tests put a fake there). */
export const EXTRACTOR_ENV = 'DJ_SANDBOX_INCEPTION_EXTRACTOR';

const config = z
  .object({
    type: z.literal(TYPE),
    ...pythonEnvConfigShape,
    env_deps: z
      .array(z.string())
      .default(['torch', 'torchvision', 'numpy', 'av==13.1.0', 'einops'])
      .describe('What the feature extractor needs.'),
    fake_data_path: z.string().describe('JSON Lines of generated samples; their `videos` lists hold the videos.'),
    real_data_path: z.string().nullish().describe('JSON Lines of real samples (FVD, KVD, PRV, FID, KID, PR).'),
    fake_mm_dir: z.string().nullish(),
    real_mm_dir: z.string().nullish(),
    metric: z.string().default('fvd2048_16f'),
    detector_path: z.string().nullish().describe("The detector model; the reference's URL when unset."),
    result_path: z.string().nullish().describe('A JSON Lines file each result is appended to.'),
    num_runs: z.number().int().min(1).default(1),
    height: z.number().int().positive().default(240),
    width: z.number().int().positive().default(320),
    replace_cache: z.boolean().default(false),
    verbose: z.boolean().default(false),
    seed: z.number().int().default(42),
  })
  .loose();

type Config = z.output<typeof config>;

function cwdOf(env: ComponentEnv): string {
  try {
    return env.resolve(runInfoRef).cwd;
  } catch {
    return process.cwd();
  }
}

async function extract(
  python: PythonEnv,
  cfg: Config,
  spec: MetricSpec,
  which: 'real' | 'fake',
  dataPath: string,
  mmDir: string | null,
  out: string,
  env: ComponentEnv,
): Promise<Matrix> {
  const command = process.env[EXTRACTOR_ENV] ? [process.env[EXTRACTOR_ENV]!] : ['python', EXTRACTOR];
  const argv = [
    ...command,
    '--data',
    dataPath,
    '--mm-dir',
    mmDir ?? '',
    '--features',
    spec.features,
    '--frames',
    String(spec.frames),
    '--subsample',
    String(spec.subsample),
    '--max-items',
    String(spec.maxItems),
    '--height',
    String(cfg.height),
    '--width',
    String(cfg.width),
    '--seed',
    String(cfg.seed),
    '--detector',
    cfg.detector_path ?? '',
    '--out',
    out,
  ];
  await python.run(argv, {
    component: `[plugin:${PLUGIN}] ${which} features`,
    signal: env.signal,
    onLine: (line) => (cfg.verbose ? env.logger.info(line) : env.logger.debug(line)),
  });
  return readFeatures(out);
}

/**
 * `video_inception_evaluator`: FVD, KVD, ISV, PRV, FID, KID, IS or PR of generated videos. The detectors (I3D, C3D,
 * Inception, VGG16) run in a Python env and write their features; the metric math is done here, with numpy's
 * legacy random stream for the KID/KVD subsets (seeded by `seed`, which the reference never forwarded). Returns
 * `{results, metric, total_time, total_time_str, world_size}` and appends it, with `num_runs`, `real_data_path` and
 * `fake_data_path`, as one JSON line to `result_path`.
 */
export const inceptionEvaluator = defineComponent({
  kind: 'DataEvaluator',
  type: TYPE,
  description: 'Computes an inception metric (FVD, KVD, ISV, PRV, FID, KID, IS, PR) between generated and real videos.',
  config,
  create(cfg, env) {
    const spec = METRICS[cfg.metric];
    if (!spec) {
      throw configError(
        'inception-metric',
        `Metric [${cfg.metric}] is not supported. Can only be one of [${Object.keys(METRICS).join(', ')}].`,
        {
          plugin: PLUGIN,
          path: 'extra_configs.metric',
          expected: Object.keys(METRICS).join(', '),
          received: cfg.metric,
          fix: 'pick one of the supported metrics',
        },
      );
    }
    if (spec.needsReal && !cfg.real_data_path) {
      throw configError('inception-real-data', `${cfg.metric} compares with real data: real_data_path is required`, {
        plugin: PLUGIN,
        path: 'extra_configs.real_data_path',
        expected: 'a JSON Lines file of real videos',
        received: cfg.real_data_path,
        fix: 'set real_data_path (and real_mm_dir when its video paths are relative)',
      });
    }
    const cwd = cwdOf(env);
    return {
      async run(evalType: unknown = 'data') {
        if (evalType !== 'data') {
          throw jobError('inception-eval-type', `Unsupported evaluation type: ${JSON.stringify(evalType)}`, {
            plugin: PLUGIN,
            expected: "'data' (EvaluateDataHook)",
            received: evalType,
          });
        }
        const start = performance.now();
        const python = await env
          .resolve(pythonEnvsRef)
          .ensure(envSpecFromConfig(cfg, { deps: cfg.env_deps, baseDir: cwd }), {
            component: `[plugin:${PLUGIN}] evaluate`,
            signal: env.signal,
          });
        const dir = join(env.workDir, 'inception', cfg.metric, `iter_${env.scope.iteration}`);
        mkdirSync(dir, { recursive: true });
        const abs = (p: string | null | undefined) => (p ? resolve(cwd, p) : null);
        const fake = await extract(
          python,
          cfg,
          spec,
          'fake',
          abs(cfg.fake_data_path)!,
          abs(cfg.fake_mm_dir),
          join(dir, 'fake'),
          env,
        );
        const real = spec.needsReal
          ? await extract(
              python,
              cfg,
              spec,
              'real',
              abs(cfg.real_data_path)!,
              abs(cfg.real_mm_dir),
              join(dir, 'real'),
              env,
            )
          : null;
        const rng = new LegacyRandomState(cfg.seed);
        const runs = Array.from({ length: cfg.num_runs }, () => spec.compute(fake, real, rng));
        const totalTime = (performance.now() - start) / 1000;
        const result = {
          results: combineRuns(runs),
          metric: cfg.metric,
          total_time: totalTime,
          total_time_str: formatTime(totalTime),
          world_size: 1,
        };
        if (cfg.result_path) {
          const path = resolve(cwd, cfg.result_path);
          mkdirSync(dirname(path), { recursive: true });
          const line = {
            ...result,
            num_runs: cfg.num_runs,
            real_data_path: cfg.real_data_path ?? null,
            fake_data_path: cfg.fake_data_path,
          };
          appendFileSync(path, `${JSON.stringify(line)}\n`);
        }
        return result;
      },
    };
  },
});
