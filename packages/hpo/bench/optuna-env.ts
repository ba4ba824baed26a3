/**
 * The Python environment bench/vs-optuna.ts runs Optuna in: a uv env from env-manager (cached by the hash of its
 * pins under `DJ_SANDBOX_ENV_DIR`, default `~/.cache/dj-sandbox/envs`, created once), with exact pins.
 */

import type { PythonEnv } from '@dj-sandbox/core';
import { ensurePythonEnv } from '@dj-sandbox/env-manager';

/** The Optuna release the comparison is pinned to. */
export const OPTUNA_VERSION = '5.1.0';
/** scipy, for the cross-check of our Mann-Whitney test. */
export const SCIPY_VERSION = '1.17.1';

/** The pinned Optuna env, created on first use. */
export function ensureOptunaEnv(): Promise<PythonEnv> {
  return ensurePythonEnv(
    { env_manager: 'uv', deps: [`optuna==${OPTUNA_VERSION}`, `scipy==${SCIPY_VERSION}`] },
    { component: '[@dj-sandbox/hpo] bench:optuna', onLine: (line) => process.stderr.write(`${line}\n`) },
  );
}

/**
 * Runs `script` in the env with `request` as JSON on stdin and parses the one JSON line it prints; its stderr goes
 * to ours.
 */
export async function callPythonJson(
  env: PythonEnv,
  script: string,
  request: unknown,
): Promise<Record<string, unknown>> {
  const stdout: string[] = [];
  await env.run(['python', script], {
    input: JSON.stringify(request),
    component: '[@dj-sandbox/hpo] bench:optuna',
    onLine: (line, stream) => {
      if (stream === 'stdout') stdout.push(line);
      else process.stderr.write(`${line}\n`);
    },
  });
  return JSON.parse(stdout.join('\n')) as Record<string, unknown>;
}
