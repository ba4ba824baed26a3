import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { PythonEnvManagerName } from '@dj-sandbox/core';
import type { InstallArgs } from '../spec/dep-args.ts';
import type { EnvBackend } from './env-backend.ts';

/** Settings of a virtual environment (`uv`, `venv` or `virtualenv`). */
export interface VirtualEnvSettings {
  readonly manager: Extract<PythonEnvManagerName, 'uv' | 'venv' | 'virtualenv'>;
  /** The env directory (absolute). */
  readonly dir: string;
  readonly name: string;
  readonly pythonVersion?: string;
}

/** The program each virtual-env manager needs on PATH. */
export function virtualEnvProgram(manager: VirtualEnvSettings['manager'], pythonVersion?: string): string {
  if (manager === 'uv') return 'uv';
  if (manager === 'virtualenv') return 'virtualenv';
  return pythonVersion ? `python${pythonVersion}` : 'python3';
}

/**
 * A virtual environment. `uv` creates it with `uv venv --seed` (pip included, for tools that call pip themselves) and
 * installs with `uv pip install --python` — the reference ran `pip` in uv envs, which have none. No command goes
 * through a shell, so there is no `source` (the reference's `source` failed under `/bin/sh`).
 */
export function virtualEnvBackend(settings: VirtualEnvSettings): EnvBackend {
  const { manager, dir, pythonVersion } = settings;
  const program = virtualEnvProgram(manager, pythonVersion);
  const python = join(dir, 'bin', 'python');
  return {
    manager,
    name: settings.name,
    program,
    lockBase: dir,
    prefix: async () => (existsSync(dir) ? dir : undefined),
    // Creation runs only for an env that is absent or half-created, so --clear replaces whatever a killed creation
    // left (its orphaned child may even still be writing there).
    createArgv() {
      if (manager === 'uv')
        return ['uv', 'venv', '--seed', '--clear', ...(pythonVersion ? ['--python', pythonVersion] : []), dir];
      if (manager === 'virtualenv')
        return ['virtualenv', '--clear', ...(pythonVersion ? ['-p', `python${pythonVersion}`] : []), dir];
      return [program, '-m', 'venv', '--clear', dir];
    },
    installArgv(_prefix: string, args: InstallArgs) {
      if (manager === 'uv') return ['uv', 'pip', 'install', '--python', python, ...args];
      return [python, '-m', 'pip', 'install', ...args];
    },
    runIn(prefix: string, argv: readonly string[]) {
      const bin = join(prefix, 'bin');
      const [first = '', ...rest] = argv;
      const local = join(bin, first);
      return {
        argv: [!first.includes('/') && existsSync(local) ? local : first, ...rest],
        env: { PATH: `${bin}${delimiter}${process.env.PATH ?? ''}`, VIRTUAL_ENV: prefix },
      };
    },
  };
}
