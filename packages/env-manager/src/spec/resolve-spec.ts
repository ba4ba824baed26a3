import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { configError, didYouMean, type PythonEnvManagerName, type PythonEnvSpec } from '@dj-sandbox/core';
import { parse as parseYaml } from 'yaml';
import { condaEnvBackend } from '../managers/conda-env.ts';
import type { EnvBackend } from '../managers/env-backend.ts';
import { virtualEnvBackend } from '../managers/virtual-env.ts';
import { depsFingerprint, type InstallArgs, installCommands } from './dep-args.ts';
import { contentHash } from './env-key.ts';

/** The managers the reference accepts; `uv` is ours as the default. */
export const ENV_MANAGERS: readonly PythonEnvManagerName[] = ['uv', 'venv', 'virtualenv', 'conda', 'mamba'];

/** Keys `env_params` may hold: the reference spreads it into the env's constructor. */
const ENV_PARAM_KEYS = ['env_config_path', 'env_py_version', 'env_name'] as const;

/** A spec with defaults applied, paths resolved and its identity computed. */
export interface ResolvedEnvSpec {
  readonly backend: EnvBackend;
  /** Identity of the env itself: manager, Python version, config file and (for cached envs) dependencies. */
  readonly key: string;
  /** Dependency install commands, each with its fingerprint. */
  readonly installs: ReadonlyArray<{ args: InstallArgs; fingerprint: string }>;
  /** True when the env lives in the cache (no `env_name` given). */
  readonly cached: boolean;
  readonly pythonVersion?: string;
}

/** Fingerprints install commands, so each is run once per env. */
export function fingerprintInstalls(
  commands: readonly InstallArgs[],
): Array<{ args: InstallArgs; fingerprint: string }> {
  return commands.map((args) => ({ args, fingerprint: contentHash(depsFingerprint([args])) }));
}

/**
 * Validates and resolves a {@link PythonEnvSpec}: the reference's keys with their meanings, `uv` when no manager is
 * named, `env_params` merged (the reference passes them to the env constructor, so only the env keys are valid), a
 * conda YAML's `name:` winning over `env_name`, relative paths against `baseDir`.
 */
export function resolveEnvSpec(spec: PythonEnvSpec, cacheDir: string, path = 'env'): ResolvedEnvSpec {
  const baseDir = spec.baseDir ?? process.cwd();
  const manager = (spec.env_manager ?? 'uv') as PythonEnvManagerName;
  if (!ENV_MANAGERS.includes(manager)) {
    throw configError('python-env-manager', `unknown environment manager ${JSON.stringify(manager)}.`, {
      path: `${path}.env_manager`,
      expected: ENV_MANAGERS.join(', '),
      received: manager,
      fix: `Use one of them.${didYouMean(String(manager), ENV_MANAGERS)}`,
    });
  }
  const params = { ...(spec.env_params ?? {}) } as Record<string, unknown>;
  for (const key of Object.keys(params)) {
    if (!(ENV_PARAM_KEYS as readonly string[]).includes(key)) {
      throw configError('python-env-params', `env_params has an unknown key ${JSON.stringify(key)}.`, {
        path: `${path}.env_params.${key}`,
        expected: ENV_PARAM_KEYS.join(', '),
        fix: `Remove it.${didYouMean(key, ENV_PARAM_KEYS)}`,
      });
    }
  }
  const pick = (key: (typeof ENV_PARAM_KEYS)[number]) => {
    const value = (spec as Record<string, unknown>)[key] ?? params[key];
    return value === null || value === undefined ? undefined : String(value);
  };
  const pythonVersion = pick('env_py_version');
  const configPath = pick('env_config_path');
  const absConfig = configPath ? (isAbsolute(configPath) ? configPath : resolve(baseDir, configPath)) : undefined;
  if (absConfig && !existsSync(absConfig)) {
    throw configError('python-env-config', `env_config_path ${JSON.stringify(configPath)} does not exist.`, {
      path: `${path}.env_config_path`,
      received: absConfig,
      fix: 'Fix the path to the conda environment YAML.',
    });
  }
  const installs = fingerprintInstalls(spec.deps ? installCommands(spec.deps, baseDir, `${path}.deps`) : []);
  let name = pick('env_name');
  const configText = absConfig ? readFileSync(absConfig, 'utf8') : undefined;
  const isConda = manager === 'conda' || manager === 'mamba';
  if (absConfig && !isConda) {
    throw configError('python-env-config', 'env_config_path is a conda environment file; it needs conda or mamba.', {
      path: `${path}.env_config_path`,
      expected: 'env_manager: conda or mamba',
      received: manager,
    });
  }
  if (isConda && configText) {
    const fromFile = (parseYaml(configText) as { name?: unknown } | null)?.name;
    if (typeof fromFile === 'string') name = fromFile;
  }
  const key = contentHash({ manager, pythonVersion, configText, deps: name ? [] : installs.map((i) => i.fingerprint) });
  const cached = name === undefined;
  if (isConda) {
    return {
      backend: condaEnvBackend({
        manager: manager as 'conda' | 'mamba',
        name: name ?? `dj-sandbox-${key.slice(0, 12)}`,
        ...(absConfig ? { configPath: absConfig } : {}),
        ...(pythonVersion ? { pythonVersion } : {}),
        cacheDir,
      }),
      key,
      installs,
      cached,
      ...(pythonVersion ? { pythonVersion } : {}),
    };
  }
  const dir = name ? (isAbsolute(name) ? name : resolve(baseDir, name)) : join(cacheDir, `env-${key}`);
  return {
    backend: virtualEnvBackend({
      manager: manager as 'uv' | 'venv' | 'virtualenv',
      dir,
      name: name ?? `env-${key}`,
      ...(pythonVersion ? { pythonVersion } : {}),
    }),
    key,
    installs,
    cached,
    ...(pythonVersion ? { pythonVersion } : {}),
  };
}
