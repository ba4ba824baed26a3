import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  type ComponentEnv,
  type ConfigTree,
  configError,
  defineComponent,
  jobError,
  loadSideConfig,
  type PythonEnvSpec,
  pythonEnvsRef,
  runInfoRef,
} from '@dj-sandbox/core';
import { envSpecFromConfig } from '@dj-sandbox/env-manager';
import { parseMonitorLine } from './monitor-parser.ts';

function cwdOf(env: ComponentEnv): string {
  try {
    return env.resolve(runInfoRef).cwd;
  } catch {
    return process.cwd();
  }
}

function stamp(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}${p(now.getHours())}${p(now.getMinutes())}${p(now.getSeconds())}`;
}

function trinityConfigPath(config: ConfigTree): string {
  const path = config.trinity_config_path;
  if (typeof path === 'string' && path !== '') return path;
  throw configError('trinity-config-missing', 'the trinity-rft trainer needs trinity_config_path.', {
    plugin: 'executor-trinity-rft',
    path: 'extra_configs.trinity_config_path',
    expected: 'the path of a Trinity-RFT YAML config',
    received: path ?? null,
    fix: 'Set extra_configs.trinity_config_path to the config `trinity run --config` takes.',
  });
}

/**
 * The Python environment: the reference's env keys; `trinity_home` (a source folder, installed editable, or a
 * requirements file) is what gets installed, else PyPI's `trinity-rft`.
 */
export function trinityEnvSpec(config: ConfigTree, cwd: string): PythonEnvSpec {
  const home = typeof config.trinity_home === 'string' ? config.trinity_home : null;
  return envSpecFromConfig(config, { env_py_version: '3.10', deps: home ?? ['trinity-rft'], baseDir: cwd });
}

/** `checkpoint_root_dir` of a Trinity config, which the reference meant to return (its loader call always raised). */
export function checkpointRootDir(configFile: string, cwd: string): string {
  const trinity = loadSideConfig(configFile, 'extra_configs.trinity_config_path', cwd);
  const dir = trinity.checkpoint_root_dir;
  if (typeof dir === 'string' && dir !== '') return dir;
  throw jobError('trinity-checkpoint-dir', 'the Trinity config names no checkpoint_root_dir.', {
    plugin: 'executor-trinity-rft',
    path: `${configFile}: checkpoint_root_dir`,
    expected: 'a folder where Trinity writes checkpoints',
    received: dir ?? null,
    fix: 'Set checkpoint_root_dir in the Trinity config.',
  });
}

/**
 * `TrainModelHook` with `type: trinity-rft`: `trinity run --config <trinity_config_path>` in a Python env; every
 * trainer monitor line with `perf/throughput` feeds all its metrics to the tracker at its step (the reference's
 * parser was never awaited); returns the Trinity config's `checkpoint_root_dir`.
 */
export const trinityTrainer = defineComponent<ConfigTree>({
  kind: 'ModelTrainExecutor',
  type: 'trinity-rft',
  description: 'Reinforcement fine-tuning with Trinity-RFT (trinity run --config) in a Python env.',
  preflight(config, env) {
    const file = resolve(env.cwd, trinityConfigPath(config));
    if (!existsSync(file) || !statSync(file).isFile()) {
      throw configError('trinity-config-missing', 'the Trinity config file does not exist.', {
        plugin: 'executor-trinity-rft',
        path: `${env.configPath}.extra_configs.trinity_config_path`,
        expected: 'an existing Trinity-RFT YAML file',
        received: trinityConfigPath(config),
      });
    }
  },
  create(config, env) {
    const configFile = trinityConfigPath(config);
    return {
      async run(runObj?: unknown) {
        const cwd = cwdOf(env);
        const file = typeof runObj === 'string' ? runObj : configFile;
        const python = await env.resolve(pythonEnvsRef).ensure(trinityEnvSpec(config, cwd), { signal: env.signal });
        await python.run(['trinity', 'run', '--config', file], {
          cwd,
          signal: env.signal,
          logFile: join(env.workDir, `model_exe_trinity-rft_${stamp()}.log`),
          component: '[plugin:executor-trinity-rft] train',
          onLine: (line) => {
            const record = parseMonitorLine(line);
            if (!record) return;
            for (const [key, value] of Object.entries(record.metrics)) {
              env.tracker.watch(value, key, { ...env.scope, step: record.step });
            }
          },
        });
        return checkpointRootDir(file, cwd);
      },
    };
  },
});
