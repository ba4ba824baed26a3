import { basename, join } from 'node:path';
import type { PythonEnvManagerName } from '@dj-sandbox/core';
import { runCommand } from '../process/run-command.ts';
import type { InstallArgs } from '../spec/dep-args.ts';
import type { EnvBackend } from './env-backend.ts';

/** Settings of a conda or mamba environment. */
export interface CondaEnvSettings {
  readonly manager: Extract<PythonEnvManagerName, 'conda' | 'mamba'>;
  readonly name: string;
  /** A conda environment YAML to create it from. */
  readonly configPath?: string;
  /** Python version when created without a config file (the reference's default is 3.10). */
  readonly pythonVersion?: string;
  /** Where the lock and "being created" flag live. */
  readonly cacheDir: string;
}

/** Parses `conda env list --json` and finds the env whose directory's basename is `name` (the reference's rule). */
export function findCondaPrefix(listJson: string, name: string): string | undefined {
  try {
    const envs = (JSON.parse(listJson) as { envs?: unknown }).envs;
    if (!Array.isArray(envs)) return undefined;
    return envs.find((p): p is string => typeof p === 'string' && basename(p) === name);
  } catch {
    return undefined;
  }
}

/**
 * A conda (or mamba) environment. Commands run with `<mgr> run -n <name> --no-capture-output <argv...>`, so output
 * streams live (the reference's `conda run` buffered it) and arguments are never re-parsed by a shell.
 */
export function condaEnvBackend(settings: CondaEnvSettings): EnvBackend {
  const { manager, name } = settings;
  return {
    manager,
    name,
    program: manager,
    lockBase: join(settings.cacheDir, `${manager}-${name}`),
    async prefix() {
      const lines: string[] = [];
      const result = await runCommand([manager, 'env', 'list', '--json'], {
        allowFailure: true,
        onLine: (line, stream) => stream === 'stdout' && lines.push(line),
      }).catch(() => undefined);
      if (result?.exitCode !== 0) return undefined;
      return findCondaPrefix(lines.join('\n'), name);
    },
    createArgv() {
      if (settings.configPath) return [manager, 'env', 'create', '-f', settings.configPath];
      return [manager, 'create', '-n', name, '-y', `python=${settings.pythonVersion ?? '3.10'}`];
    },
    removeArgv: () => [manager, 'env', 'remove', '-n', name, '-y'],
    installArgv: (_prefix: string, args: InstallArgs) => [
      manager,
      'run',
      '-n',
      name,
      'python',
      '-m',
      'pip',
      'install',
      ...args,
    ],
    runIn: (_prefix: string, argv: readonly string[]) => ({
      argv: [manager, 'run', '-n', name, '--no-capture-output', ...argv],
      env: {},
    }),
  };
}
