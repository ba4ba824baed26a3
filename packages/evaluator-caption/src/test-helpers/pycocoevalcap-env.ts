import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { definePlugin, type Plugin, type PythonEnv, type PythonEnvs, pythonEnvsRef } from '@dj-sandbox/core';
import { createPythonEnvs } from '@dj-sandbox/env-manager';
import { testPythonEnv } from '@dj-sandbox/env-manager/testing';
import { PYCOCOEVALCAP_REQUIREMENT } from '../metrics/meteor.ts';

let cached: Promise<PythonEnv> | undefined;

/**
 * The cached uv environment with pycocoevalcap pinned, through env-manager (`DJ_SANDBOX_ENV_DIR`, by default
 * `~/.cache/dj-sandbox/envs`; `.ci/run` creates it with `pnpm --filter @dj-sandbox/evaluator-caption prepare-env`).
 * It is the same environment `caption_metrics` asks the Python bridge for.
 */
export function pycocoevalcapEnv(): Promise<PythonEnv> {
  cached ??= testPythonEnv('pycocoevalcap', [PYCOCOEVALCAP_REQUIREMENT]);
  return cached;
}

/**
 * Why the pycocoevalcap tests cannot run here (no Java, or the env cannot be created: no uv, no PyPI), or null.
 * Awaited at the top of the test files, so they skip with that reason.
 */
export async function pycocoevalcapMissing(): Promise<string | null> {
  if (spawnSync('java', ['-version']).status !== 0) {
    return '(java is not on PATH: pycocoevalcap runs the Stanford tokenizer and METEOR with Java)';
  }
  try {
    await pycocoevalcapEnv();
    return null;
  } catch (error) {
    return `(no pycocoevalcap env: ${(error as Error).message.split('\n')[0]})`;
  }
}

const referenceScript = fileURLToPath(new URL('../../scripts/pycocoevalcap_reference.py', import.meta.url));

/** Runs the repository's pycocoevalcap reference script in that env and parses the JSON it prints. */
export async function pycocoevalcapReference<T>(args: string[], cwd: string): Promise<T> {
  const env = await pycocoevalcapEnv();
  const out: string[] = [];
  await env.run([env.python, referenceScript, ...args], {
    cwd,
    component: 'pycocoevalcap reference',
    onLine: (line, stream) => {
      if (stream === 'stdout') out.push(line);
    },
  });
  return JSON.parse(out.join('\n')) as T;
}

/** env-manager's Python bridge, counting the environments asked for; as a run's plugin. */
export function countingPythonBridge(): { plugin: Plugin; ensured: () => number } {
  let ensured = 0;
  const plugin = definePlugin({
    id: 'test-python-bridge',
    version: '0.0.0',
    apiVersion: 1,
    register(reg) {
      reg.service(pythonEnvsRef, {
        deps: {},
        factory: (): PythonEnvs => {
          const envs = createPythonEnvs();
          return {
            ensure(spec, options) {
              ensured++;
              return envs.ensure(spec, options);
            },
          };
        },
      });
    },
  });
  return { plugin, ensured: () => ensured };
}
