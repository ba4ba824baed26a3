import { join, resolve } from 'node:path';
import { type ComponentEnv, type ConfigTree, type PythonEnv, pythonEnvsRef } from '@dj-sandbox/core';
import { envSpecFromConfig } from '@dj-sandbox/env-manager';
import { internvlError } from './errors.ts';

/** InternVL's extra requirements that the reference installs after `requirements.txt`, one requirement each. */
export const INTERNVL_EXTRA_REQUIREMENTS = ['flash-attn==2.3.6 --no-build-isolation', 'datasets', 'deepspeed==0.15.4'];

/** `internvl_home`, required, as an absolute path; a placeholder left in it gets its own message. */
export function requireInternvlHome(config: ConfigTree, env: ComponentEnv, cwd: string): string {
  const home = config.internvl_home;
  if (typeof home !== 'string' || home === '') {
    throw internvlError(env, 'extra_configs.internvl_home', 'Please specify the `internvl_home` in the config.', {
      expected: 'the path of a clone of OpenGVLab/InternVL',
      received: home ?? null,
      fix: 'Set internvl_home: /path/to/InternVL (git clone https://github.com/OpenGVLab/InternVL).',
    });
  }
  if (home.includes('<internvl_home>')) {
    throw internvlError(env, 'extra_configs.internvl_home', 'internvl_home is still the placeholder <internvl_home>.', {
      expected: 'the path of a clone of OpenGVLab/InternVL',
      received: home,
      fix: 'Replace every "<internvl_home>" in the configs with the path of your InternVL clone.',
    });
  }
  return resolve(cwd, home);
}

/**
 * Creates (or reuses) InternVL's Python environment through the Python bridge with the reference's keys
 * (`env_name`, `env_manager` default `conda`, `env_params`), installs `<internvl_home>/requirements.txt`, then
 * flash-attn 2.3.6 (without build isolation), datasets and deepspeed 0.15.4. The bridge splits the flash-attn
 * flags into their own arguments, where the reference quoted them into one invalid requirement.
 */
export async function ensureInternvlEnv(
  config: ConfigTree,
  env: ComponentEnv,
  home: string,
  component: string,
): Promise<PythonEnv> {
  const params = (config.env_params ?? {}) as Record<string, unknown>;
  const pyVersion = config.env_py_version ?? params.env_py_version;
  const spec = envSpecFromConfig(config, {
    env_manager: 'conda',
    env_py_version: pyVersion === undefined || pyVersion === null ? null : String(pyVersion),
    deps: join(home, 'requirements.txt'),
  });
  const python = await env.resolve(pythonEnvsRef).ensure(spec, { component, signal: env.signal });
  await python.install(INTERNVL_EXTRA_REQUIREMENTS, { component, signal: env.signal });
  return python;
}

/**
 * The reference's GPU rule: `num_gpus` defaults to the device count; 0 or less fails; more than there are is
 * clamped with a warning.
 */
export function checkNumGpus(config: ConfigTree, env: ComponentEnv, available: number): number {
  const asked = config.num_gpus ?? available;
  if (typeof asked !== 'number' || !Number.isInteger(asked) || asked <= 0) {
    throw internvlError(
      env,
      'extra_configs.num_gpus',
      'No available GPUs.',
      {
        expected: 'num_gpus >= 1 and at least one CUDA device (nvidia-smi -L)',
        received: `num_gpus ${JSON.stringify(config.num_gpus ?? null)}, ${available} device(s) found`,
        fix: 'Run on a machine with NVIDIA GPUs and drivers (nvidia-smi on PATH), or set num_gpus.',
      },
      'internvl-no-gpu',
    );
  }
  if (asked > available) {
    env.logger.warn(
      `GPUs are not enough for ${asked}. Fallback to the number of all the GPUs (${available}) on this machine.`,
    );
    if (available <= 0) {
      throw internvlError(
        env,
        'extra_configs.num_gpus',
        'No available GPUs.',
        {
          expected: 'at least one CUDA device (nvidia-smi -L)',
          received: '0 devices',
          fix: 'Run on a machine with NVIDIA GPUs and drivers (nvidia-smi on PATH).',
        },
        'internvl-no-gpu',
      );
    }
    return available;
  }
  return asked;
}
