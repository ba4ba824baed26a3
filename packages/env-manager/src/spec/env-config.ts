import type { PythonEnvManagerName, PythonEnvSpec } from '@dj-sandbox/core';
import { z } from 'zod';

/**
 * The component-config keys that choose a model plugin's Python environment, as one zod shape to spread into a
 * plugin's config object: `env_name`, `env_manager`, `env_params`, `env_config_path`, `env_py_version` (the
 * reference's keys, meanings in docs/python-environments.md). What gets installed is each plugin's own key
 * (`env_deps`, `deps`, a source folder), so it is not part of this fragment.
 */
export const pythonEnvConfigShape = {
  env_name: z.string().nullish().describe('Environment name (conda) or folder (uv/venv); unset: cached by hash.'),
  env_manager: z.enum(['uv', 'venv', 'virtualenv', 'conda', 'mamba']).nullish(),
  env_params: z.record(z.string(), z.unknown()).nullish(),
  env_config_path: z.string().nullish().describe('A conda environment YAML; its name: wins over env_name.'),
  env_py_version: z.string().nullish().describe("Python version, e.g. '3.11'."),
};

/** {@link pythonEnvConfigShape} as an object schema (unknown keys pass through). */
export const pythonEnvConfig = z.object(pythonEnvConfigShape).loose();

/** What a plugin uses where its config leaves an env key unset, and what it installs. */
export interface EnvSpecDefaults {
  /** Default `uv` when neither the config nor the plugin names one. */
  readonly env_manager?: PythonEnvManagerName | null;
  readonly env_py_version?: string | null;
  /** What to install (the plugin reads it from its own key: `env_deps`, `deps`, a source folder). */
  readonly deps?: PythonEnvSpec['deps'];
  /** Folder the spec's relative paths are resolved against (the run's working directory). */
  readonly baseDir?: string;
}

/**
 * Builds the {@link PythonEnvSpec} of a component from its config's env keys, falling back to `defaults` for the
 * manager and the Python version. Reads the keys leniently (a value of the wrong type counts as unset), so it takes
 * both a zod-parsed config and a raw config tree; validate with {@link pythonEnvConfigShape} for errors on bad keys.
 */
export function envSpecFromConfig(
  config: Readonly<Record<string, unknown>>,
  defaults: EnvSpecDefaults = {},
): PythonEnvSpec {
  const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
  const manager = text(config.env_manager) as PythonEnvManagerName | null;
  const params = config.env_params;
  return {
    env_name: text(config.env_name),
    env_manager: manager ?? defaults.env_manager ?? 'uv',
    env_params:
      params !== null && typeof params === 'object' && !Array.isArray(params)
        ? (params as Record<string, unknown>)
        : null,
    env_config_path: text(config.env_config_path),
    env_py_version: text(config.env_py_version) ?? defaults.env_py_version ?? null,
    ...(defaults.deps !== undefined ? { deps: defaults.deps } : {}),
    ...(defaults.baseDir !== undefined ? { baseDir: defaults.baseDir } : {}),
  };
}
