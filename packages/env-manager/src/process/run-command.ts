import { spawn } from 'node:child_process';
import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
import type { PythonCommandOptions, PythonCommandResult } from '@dj-sandbox/core';
import { commandFailed, commandNotFound } from './command-errors.ts';

/** How many trailing output lines a result keeps for error messages. */
export const TAIL_LINES = 40;

/** What a command run needs besides {@link PythonCommandOptions}: who runs it and in which env, for errors. */
export interface CommandContext {
  /** The environment's name, for error messages. */
  readonly envName?: string;
}

/**
 * Runs `argv` as a child process (never through a shell), streaming every stdout and stderr line to `onLine` and
 * appending it to `logFile` as it arrives. Resolves with the exit code and the last output lines; a non-zero exit
 * rejects with a clear error unless `allowFailure`. The abort signal kills the child (SIGTERM, then SIGKILL).
 */
export function runCommand(
  argv: readonly string[],
  options: PythonCommandOptions & CommandContext = {},
): Promise<PythonCommandResult> {
  const [command, ...args] = argv;
  if (!command) return Promise.reject(new TypeError('runCommand needs a non-empty argv'));
  if (options.logFile) mkdirSync(dirname(options.logFile), { recursive: true });
  const tail: string[] = [];
  const take = (line: string, stream: 'stdout' | 'stderr') => {
    tail.push(line);
    if (tail.length > TAIL_LINES) tail.shift();
    if (options.logFile) appendFileSync(options.logFile, `${line}\n`);
    options.onLine?.(line, stream);
  };
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    let spawnError: NodeJS.ErrnoException | undefined;
    const onAbort = () => {
      child.kill('SIGTERM');
      setTimeout(() => child.exitCode === null && child.kill('SIGKILL'), 5000).unref();
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });
    if (options.input !== undefined) child.stdin?.end(options.input);
    const closed = [child.stdout, child.stderr].map((stream, i) => {
      if (!stream) return Promise.resolve();
      const lines = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
      lines.on('line', (line) => take(line, i === 0 ? 'stdout' : 'stderr'));
      return new Promise<void>((done) => lines.once('close', done));
    });
    child.once('error', (error) => {
      spawnError = error;
    });
    child.once('close', async (code, signal) => {
      await Promise.all(closed);
      options.signal?.removeEventListener('abort', onAbort);
      if (spawnError) {
        reject(spawnError.code === 'ENOENT' ? commandNotFound(argv, options) : spawnError);
        return;
      }
      const exitCode = code ?? (signal ? 128 + (signalNumber(signal) ?? 0) : 1);
      if (exitCode !== 0 && !options.allowFailure) {
        reject(commandFailed(argv, exitCode, tail, options, signal));
        return;
      }
      resolvePromise({ exitCode, tail });
    });
  });
}

function signalNumber(signal: NodeJS.Signals): number | undefined {
  return { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 }[signal as string];
}
