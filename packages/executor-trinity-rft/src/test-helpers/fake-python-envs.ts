import { recordingPythonEnvs } from '@dj-sandbox/env-manager/testing';

/**
 * The Python bridge of these tests: env-manager's recording bridge with the fake tools (shell scripts that check
 * their argv and print the real tool's log lines) first on PATH. `specs` are the env specs ensured, `calls` every
 * command run.
 */
export function fakePythonEnvsPlugin(executables: Record<string, string>) {
  const { plugin, calls } = recordingPythonEnvs({ executables });
  return { plugin, specs: calls.ensured, calls: calls.runs };
}
