import type { Plugin } from '@dj-sandbox/core';
import { type RecordedBridgeCalls, recordingPythonEnvs } from '@dj-sandbox/env-manager/testing';

/** What the fake bridge saw: the env specs ensured, the extra installs and every command run. */
export type BridgeCalls = RecordedBridgeCalls;

/**
 * The Python bridge of these tests: InternVL's environment (CUDA torch, flash-attn) cannot be created here, so
 * env-manager's recording bridge only records `ensure`/`install`, and really runs the argv (bash scripts that find
 * the fake torchrun on PATH), streaming lines to `onLine` and `logFile` and failing on a non-zero exit.
 */
export function fakePythonBridge(): { plugin: Plugin; calls: BridgeCalls } {
  const { plugin, calls } = recordingPythonEnvs({ manager: 'conda', name: 'internvl-fake' });
  return { plugin, calls };
}
