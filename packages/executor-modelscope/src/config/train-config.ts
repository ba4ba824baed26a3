import { type ConfigTree, configError, isMapping, type PythonEnvSpec } from '@dj-sandbox/core';
import { envSpecFromConfig } from '@dj-sandbox/env-manager';

/** The keys of `extra_configs` that choose the Python environment, not the model (they are not merged). */
export const ENV_KEYS = ['env_name', 'env_manager', 'env_params', 'env_py_version', 'deps'] as const;

/** What the ModelScope environment installs unless `deps` says otherwise. */
export const DEFAULT_DEPS = ['modelscope[nlp]', 'torch', 'datasets'];

/** A required string key of a ModelScope config, or a config error naming it. */
export function requireKey(config: ConfigTree, key: string, example: string): string {
  const value = config[key];
  if (typeof value === 'string' && value !== '') return value;
  throw configError('modelscope-key-missing', `the modelscope trainer needs ${key}.`, {
    plugin: 'executor-modelscope',
    path: `extra_configs.${key}`,
    expected: `a string, e.g. ${example}`,
    received: value ?? null,
    fix: `Set extra_configs.${key} (the reference fails with a KeyError without it).`,
  });
}

/** Checks the keys the reference requires (`model_name`, `trainer_name`, `work_dir`) and `key_remapping`. */
export function checkTrainConfig(config: ConfigTree): void {
  requireKey(config, 'model_name', 'iic/nlp_gpt3_text-generation_chinese-base');
  requireKey(config, 'trainer_name', 'nlp-base-trainer');
  requireKey(config, 'work_dir', './outputs/sandbox-train/');
  if (config.key_remapping !== undefined && config.key_remapping !== null && !isMapping(config.key_remapping)) {
    throw configError('modelscope-key-remapping', 'key_remapping must map old column names to new ones.', {
      plugin: 'executor-modelscope',
      path: 'extra_configs.key_remapping',
      expected: 'a mapping such as {text: src_txt}',
      received: config.key_remapping,
    });
  }
}

/** The Python environment of a ModelScope job, from the reference's env keys (default: uv, cached by hash). */
export function envSpecOf(config: ConfigTree, baseDir: string): PythonEnvSpec {
  const deps = config.deps;
  return envSpecFromConfig(config, {
    env_py_version: '3.11',
    deps: typeof deps === 'string' || Array.isArray(deps) ? (deps as string | string[]) : DEFAULT_DEPS,
    baseDir,
  });
}

/** The config the Python side receives: everything but the environment keys, merged whole into the model config. */
export function modelConfigOf(config: ConfigTree): ConfigTree {
  const out: ConfigTree = {};
  for (const [k, v] of Object.entries(config)) if (!(ENV_KEYS as readonly string[]).includes(k)) out[k] = v;
  return out;
}
