// A FAKE Python bridge for the e2e test: InternVL's environment (CUDA torch, flash-attn, deepspeed) cannot be
// created without GPUs, so `ensure` and `install` only record their arguments in $FAKE_BRIDGE_CALLS, and `run`
// really runs the argv (the generated training scripts, evaluate.sh), streaming lines to `onLine` and `logFile`.
import { spawn } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { definePlugin, pythonEnvsRef } from '@dj-sandbox/core';

const record = (entry) => appendFileSync(process.env.FAKE_BRIDGE_CALLS, `${JSON.stringify(entry)}\n`);

const env = {
  name: 'internvl-fake',
  manager: 'uv',
  prefix: '/nonexistent',
  python: 'python',
  async install(deps) {
    record({ install: deps });
  },
  run(argv, options = {}) {
    record({ run: argv, cwd: options.cwd ?? null });
    return new Promise((resolve, reject) => {
      const child = spawn(argv[0], argv.slice(1), { cwd: options.cwd, env: { ...process.env, ...options.env } });
      const tail = [];
      for (const name of ['stdout', 'stderr']) {
        let buffer = '';
        const emit = (line) => {
          tail.push(line);
          if (options.logFile) appendFileSync(options.logFile, `${line}\n`);
          options.onLine?.(line, name);
        };
        child[name].setEncoding('utf8').on('data', (chunk) => {
          buffer += chunk;
          const lines = buffer.split('\n');
          buffer = lines.pop();
          for (const line of lines) emit(line);
        });
        child[name].on('end', () => buffer && emit(buffer));
      }
      child.on('error', reject);
      child.on('close', (code) =>
        code === 0
          ? resolve({ exitCode: 0, tail })
          : reject(new Error(`${argv.join(' ')} exited ${code}: ${tail.slice(-5).join('\n')}`)),
      );
      child.stdin.end(options.input ?? '');
    });
  },
};

export default definePlugin({
  id: 'fake-python-bridge',
  version: '0.0.0',
  apiVersion: 1,
  register(reg) {
    reg.service(pythonEnvsRef, {
      deps: {},
      factory: () => ({
        async ensure(spec) {
          record({ ensure: spec });
          return env;
        },
      }),
    });
  },
});
