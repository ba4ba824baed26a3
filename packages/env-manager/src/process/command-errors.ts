import type { PythonCommandOptions } from '@dj-sandbox/core';
import { jobError } from '@dj-sandbox/core';
import type { CommandContext } from './run-command.ts';

/** Quotes an argv for display only (it is never run through a shell). */
export function showArgv(argv: readonly string[]): string {
  return argv.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replaceAll("'", "'\\''")}'`)).join(' ');
}

function who(options: PythonCommandOptions & CommandContext): string {
  const parts = [options.component, options.envName ? `env ${options.envName}` : undefined].filter(Boolean);
  return parts.length ? `${parts.join(', ')}: ` : '';
}

/** A command exited non-zero: names the component, the env, the argv, the exit code and the last output lines. */
export function commandFailed(
  argv: readonly string[],
  exitCode: number,
  tail: readonly string[],
  options: PythonCommandOptions & CommandContext,
  signal?: NodeJS.Signals | null,
): Error {
  const last = tail.length ? `\nLast output lines:\n${tail.map((l) => `    ${l}`).join('\n')}` : ' It printed nothing.';
  return jobError(
    'python-command-failed',
    `${who(options)}command failed with exit code ${exitCode}${signal ? ` (${signal})` : ''}: ${showArgv(argv)}.${last}`,
    {
      argv: [...argv],
      exitCode,
      tail: [...tail],
      ...(options.envName ? { env: options.envName } : {}),
      ...(options.logFile ? { fix: `The whole output is in ${options.logFile}.` } : {}),
    },
  );
}

/** The program of a command is not installed. */
export function commandNotFound(argv: readonly string[], options: PythonCommandOptions & CommandContext): Error {
  return jobError(
    'python-command-not-found',
    `${who(options)}cannot run ${showArgv(argv)}: ${argv[0]} is not installed.`,
    {
      argv: [...argv],
      expected: `${argv[0]} on PATH`,
      fix: `Install ${argv[0]}, or add the package that provides it to the environment's dependencies.`,
    },
  );
}
