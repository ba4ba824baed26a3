import { spawn } from 'node:child_process';
import { appendFileSync, chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { definePlugin, type PythonEnv, type PythonEnvSpec, pythonEnvsRef } from '@dj-sandbox/core';

/**
 * A stand-in for env-manager's Python bridge in tests: `ensure` records the spec and returns an env whose `bin`
 * holds `executables` (fake tools: shell scripts), first on PATH; `run` spawns the argv there and streams lines.
 */
export function fakePythonEnvsPlugin(executables: Record<string, string>) {
  const prefix = mkdtempSync(join(tmpdir(), 'fake-env-'));
  writeFileSync(join(prefix, '.keep'), '');
  for (const [name, script] of Object.entries(executables)) {
    const path = join(prefix, name);
    writeFileSync(path, script);
    chmodSync(path, 0o755);
  }
  const specs: PythonEnvSpec[] = [];
  const calls: string[][] = [];
  const env: PythonEnv = {
    name: 'fake',
    manager: 'uv',
    prefix,
    python: join(prefix, 'python'),
    install: async () => {},
    run(argv, options = {}) {
      calls.push([...argv]);
      return new Promise((resolve, reject) => {
        const child = spawn(argv[0]!, argv.slice(1), {
          cwd: options.cwd,
          env: { ...process.env, ...options.env, PATH: `${prefix}:${process.env.PATH}` },
        });
        const tail: string[] = [];
        const onData = (stream: 'stdout' | 'stderr') => (chunk: Buffer) => {
          for (const line of chunk.toString().split('\n').filter(Boolean)) {
            tail.push(line);
            if (options.logFile) appendFileSync(options.logFile, `${line}\n`);
            options.onLine?.(line, stream);
          }
        };
        child.stdout.on('data', onData('stdout'));
        child.stderr.on('data', onData('stderr'));
        child.on('error', reject);
        child.on('close', (code) =>
          code === 0 || options.allowFailure
            ? resolve({ exitCode: code ?? 1, tail: tail.slice(-40) })
            : reject(new Error(`${argv.join(' ')} exited ${code}: ${tail.slice(-5).join('\n')}`)),
        );
      });
    },
  };
  const plugin = definePlugin({
    id: 'fake-python-envs',
    version: '0.0.0',
    apiVersion: 1,
    register(reg) {
      reg.service(pythonEnvsRef, {
        deps: {},
        factory: () => ({
          ensure: async (spec: PythonEnvSpec) => {
            specs.push(spec);
            return env;
          },
        }),
      });
    },
  });
  return { plugin, specs, calls };
}
