import type { PythonEnv } from '@dj-sandbox/core';
import { ensurePythonEnv } from '../python-envs.ts';

/**
 * A cached uv environment for tests (`DJ_SANDBOX_ENV_DIR`, or the user's cache): created on first use, reused by
 * every later test run, so a Python reference (pycocoevalcap, numpy, Data-Juicer) costs its install once.
 * `label` only names it in logs; the env is keyed by its dependencies.
 */
export function testPythonEnv(label: string, deps: readonly string[], pythonVersion?: string): Promise<PythonEnv> {
  return ensurePythonEnv(
    { env_manager: 'uv', deps, ...(pythonVersion ? { env_py_version: pythonVersion } : {}) },
    { component: `test env ${label}` },
  );
}

export {
  type RecordedBridgeCalls,
  type RecordingPythonEnvsOptions,
  recordingPythonEnvs,
} from './recording-python-envs.ts';
