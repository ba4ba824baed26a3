import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type ComponentEnv,
  type ConfigTree,
  defineComponent,
  pythonEnvsRef,
  readJsonRows,
  runInfoRef,
} from '@dj-sandbox/core';
import { checkTrainConfig, envSpecOf, modelConfigOf, requireKey } from '../config/train-config.ts';
import { checkModelAvailable } from '../preflight/model-availability.ts';
import { parseLoss } from './loss-parser.ts';

const PYTHON_DIR = fileURLToPath(new URL('../../python/', import.meta.url));

function cwdOf(env: ComponentEnv): string {
  try {
    return env.resolve(runInfoRef).cwd;
  } catch {
    return process.cwd();
  }
}

/** `<work_dir>/model_exe_<run_type>_<YYYYmmddHHMMSS>.log`, the reference's model log name. */
export function modelLogPath(workDir: string, runType: string, now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  const stamp = `${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}${p(now.getHours())}${p(now.getMinutes())}${p(now.getSeconds())}`;
  return join(workDir, `model_exe_${runType}_${stamp}.log`);
}

function configFile(config: ConfigTree): string {
  const file = join(mkdtempSync(join(tmpdir(), 'dj-modelscope-')), 'config.json');
  writeFileSync(file, JSON.stringify(config));
  return file;
}

/**
 * `TrainModelHook` with `type: modelscope`: `build_trainer(trainer_name, {model, train_dataset, eval_dataset,
 * work_dir, cfg_modify_fn})` in a Python env, with the whole config merged into the model's configuration; every
 * `loss:` line of the trainer's log goes to the tracker (`loss`, one step per line); returns `work_dir` as written.
 */
export const modelscopeTrainer = defineComponent<ConfigTree>({
  kind: 'ModelTrainExecutor',
  type: 'modelscope',
  description: 'Trains a ModelScope model with a ModelScope trainer in a Python env; streams loss into the tracker.',
  async preflight(config, env) {
    checkTrainConfig(config);
    await checkModelAvailable(String(config.model_name), env.cwd, env.configPath, env.signal);
  },
  create(config, env) {
    checkTrainConfig(config);
    return {
      async run() {
        const cwd = cwdOf(env);
        const python = await env.resolve(pythonEnvsRef).ensure(envSpecOf(config, cwd), { signal: env.signal });
        let step = 0;
        await python.run(['python', join(PYTHON_DIR, 'modelscope_train.py'), configFile(modelConfigOf(config))], {
          cwd,
          signal: env.signal,
          logFile: modelLogPath(env.workDir, 'modelscope'),
          component: '[plugin:executor-modelscope] train',
          onLine: (line) => {
            const loss = parseLoss(line);
            if (loss !== undefined) env.tracker.watch(loss, 'loss', { ...env.scope, step: ++step });
          },
        });
        return requireKey(config, 'work_dir', './outputs/sandbox-train/');
      },
    };
  },
});

/**
 * `ProbeViaModelInferHook` with `type: modelscope`: `modelscope.pipelines.pipeline(**extra_configs)` over the
 * probe sample (`dataset_path`, which the hook sets); returns the pipeline's results, one per row.
 */
export const modelscopeInferProbe = defineComponent<ConfigTree>({
  kind: 'ModelInferEvaluator',
  type: 'modelscope',
  description: 'Runs a ModelScope pipeline(**extra_configs) over the probe sample in a Python env.',
  async preflight(config, env) {
    if (typeof config.model === 'string') await checkModelAvailable(config.model, env.cwd, env.configPath, env.signal);
  },
  create(config, env) {
    return {
      async run() {
        const cwd = cwdOf(env);
        const data = requireKey(config, 'dataset_path', './probe.jsonl');
        const { type: _type, dataset_path: _data, ...rest } = modelConfigOf(config);
        const python = await env.resolve(pythonEnvsRef).ensure(envSpecOf(config, cwd), { signal: env.signal });
        const out = join(env.workDir, `modelscope_probe_${env.scope.iteration}.jsonl`);
        await python.run(
          ['python', join(PYTHON_DIR, 'modelscope_infer.py'), configFile(rest), resolve(cwd, data), out],
          {
            cwd,
            signal: env.signal,
            logFile: modelLogPath(env.workDir, 'modelscope'),
            component: '[plugin:executor-modelscope] infer probe',
          },
        );
        const results: unknown[] = [];
        for await (const row of readJsonRows(out)) results.push(row);
        return results;
      },
    };
  },
});
