import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  definePlugin,
  type Plugin,
  type PythonCommandOptions,
  type PythonCommandResult,
  type PythonEnv,
  type PythonEnvs,
  pythonEnvsRef,
} from '@dj-sandbox/core';

/**
 * The Python of the pycocoevalcap venv that `.ci/run` creates (`$HOME/.cache/dj-sandbox/pycocoevalcap-venv`,
 * pycocoevalcap pinned), or `DJ_SANDBOX_PYCOCOEVALCAP_PYTHON`.
 */
export const pycocoevalcapPython =
  process.env.DJ_SANDBOX_PYCOCOEVALCAP_PYTHON ??
  join(homedir(), '.cache', 'dj-sandbox', 'pycocoevalcap-venv', 'bin', 'python');

/** Why the pycocoevalcap tests cannot run here, or null when they can (the venv and Java exist). */
export const pycocoevalcapMissing: string | null = !existsSync(pycocoevalcapPython)
  ? `no pycocoevalcap venv at ${pycocoevalcapPython} (.ci/run creates it)`
  : spawnSync('java', ['-version']).status !== 0
    ? 'java is not on PATH (pycocoevalcap runs the Stanford tokenizer and METEOR with Java)'
    : null;

const referenceScript = fileURLToPath(new URL('../../scripts/pycocoevalcap_reference.py', import.meta.url));

/** Runs the repository's pycocoevalcap reference script and parses its JSON. */
export function pycocoevalcapReference<T>(args: string[], cwd: string): T {
  const out = spawnSync(pycocoevalcapPython, [referenceScript, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (out.status !== 0) throw new Error(`pycocoevalcap reference failed: ${out.stderr}`);
  return JSON.parse(out.stdout) as T;
}

/**
 * A {@link PythonEnvs} over the already-built pycocoevalcap venv, for tests until env-manager's test helper is
 * used: `ensure` returns that venv; `run` spawns the argv with its `bin` first on PATH and streams lines.
 */
export function venvPythonEnvs(python = pycocoevalcapPython): PythonEnvs & { ensured: number } {
  const prefix = dirname(dirname(python));
  const env: PythonEnv = {
    name: 'pycocoevalcap-venv',
    manager: 'uv',
    prefix,
    python,
    async install() {},
    run(argv, options: PythonCommandOptions = {}) {
      return new Promise<PythonCommandResult>((resolvePromise, reject) => {
        const child = spawn(argv[0]!, argv.slice(1), {
          cwd: options.cwd,
          env: { ...process.env, PATH: `${prefix}/bin:${process.env.PATH}`, ...options.env },
          signal: options.signal,
        });
        const tail: string[] = [];
        for (const stream of ['stdout', 'stderr'] as const) {
          let buffer = '';
          child[stream].setEncoding('utf8').on('data', (chunk: string) => {
            buffer += chunk;
            const lines = buffer.split('\n');
            buffer = lines.pop()!;
            for (const line of lines) {
              tail.push(line);
              options.onLine?.(line, stream);
            }
          });
        }
        child.on('error', reject);
        child.on('close', (code) => {
          const result = { exitCode: code ?? 1, tail: tail.slice(-40) };
          if (code === 0 || options.allowFailure) resolvePromise(result);
          else reject(new Error(`${argv.join(' ')} exited ${code}: ${tail.slice(-5).join('\n')}`));
        });
        child.stdin.end(options.input ?? '');
      });
    },
  };
  const envs = {
    ensured: 0,
    async ensure() {
      envs.ensured++;
      return env;
    },
  };
  return envs;
}

/** A plugin that provides {@link venvPythonEnvs} as the run's Python bridge. */
export function pythonBridgePlugin(envs: PythonEnvs = venvPythonEnvs()): Plugin {
  return definePlugin({
    id: 'test-python-bridge',
    version: '0.0.0',
    apiVersion: 1,
    register(reg) {
      reg.service(pythonEnvsRef, { deps: {}, factory: () => envs });
    },
  });
}
