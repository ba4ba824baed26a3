import { spawn } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import {
  definePlugin,
  type Plugin,
  type PythonCommandOptions,
  type PythonCommandResult,
  type PythonEnv,
  type PythonEnvSpec,
  pythonEnvsRef,
} from '@dj-sandbox/core';

/** What the fake bridge saw: the env specs ensured and the extra installs. */
export interface BridgeCalls {
  ensured: PythonEnvSpec[];
  installed: (string | readonly string[])[];
  runs: { argv: readonly string[]; cwd?: string; env?: Record<string, string | undefined> }[];
}

/**
 * A stand-in for env-manager's Python bridge: InternVL's environment (CUDA torch, flash-attn) cannot be created
 * here, so `ensure`/`install` only record what they were asked; `run` really spawns the argv (bash scripts, which
 * then find the fake torchrun on PATH), streams lines to `onLine`, appends them to `logFile` and fails on a
 * non-zero exit, as the bridge's contract says.
 */
export function fakePythonBridge(): { plugin: Plugin; calls: BridgeCalls } {
  const calls: BridgeCalls = { ensured: [], installed: [], runs: [] };
  const env: PythonEnv = {
    name: 'internvl-fake',
    manager: 'conda',
    prefix: '/nonexistent/internvl-env',
    python: 'python',
    async install(deps) {
      calls.installed.push(deps);
    },
    run(argv, options: PythonCommandOptions = {}) {
      calls.runs.push({
        argv,
        ...(options.cwd ? { cwd: options.cwd } : {}),
        ...(options.env ? { env: { ...options.env } } : {}),
      });
      return new Promise<PythonCommandResult>((resolvePromise, reject) => {
        const child = spawn(argv[0]!, argv.slice(1), {
          cwd: options.cwd,
          env: { ...process.env, ...options.env },
          signal: options.signal,
        });
        const tail: string[] = [];
        for (const stream of ['stdout', 'stderr'] as const) {
          let buffer = '';
          const emit = (line: string) => {
            tail.push(line);
            if (options.logFile) appendFileSync(options.logFile, `${line}\n`);
            options.onLine?.(line, stream);
          };
          child[stream].setEncoding('utf8').on('data', (chunk: string) => {
            buffer += chunk;
            const lines = buffer.split('\n');
            buffer = lines.pop()!;
            for (const line of lines) emit(line);
          });
          child[stream].on('end', () => {
            if (buffer) emit(buffer);
          });
        }
        child.on('error', reject);
        child.on('close', (code) => {
          if (code === 0 || options.allowFailure) resolvePromise({ exitCode: code ?? 1, tail: tail.slice(-40) });
          else
            reject(
              new Error(`${options.component ?? ''} ${argv.join(' ')} exited ${code}: ${tail.slice(-8).join('\n')}`),
            );
        });
        child.stdin.end(options.input ?? '');
      });
    },
  };
  const plugin = definePlugin({
    id: 'test-python-bridge',
    version: '0.0.0',
    apiVersion: 1,
    register(reg) {
      reg.service(pythonEnvsRef, {
        deps: {},
        factory: () => ({
          async ensure(spec: PythonEnvSpec) {
            calls.ensured.push(spec);
            return env;
          },
        }),
      });
    },
  });
  return { plugin, calls };
}
