import { definePlugin, loggerRef, pythonEnvsRef, runInfoRef, versionOf } from '@dj-sandbox/core';
import { createPythonEnvs } from './python-envs.ts';

/**
 * The env-manager plugin: provides core's `pythonEnvsRef`, one per run, with relative paths resolved against the
 * run's working directory and progress logged to the run's logger.
 */
export default definePlugin({
  id: 'env-manager',
  version: versionOf(import.meta.url),
  apiVersion: 1,
  description: 'Python environments (uv, venv, virtualenv, conda, mamba) for the Python-side plugins.',
  register(reg) {
    reg.service(pythonEnvsRef, {
      deps: { logger: loggerRef, runInfo: runInfoRef },
      factory: ({ logger, runInfo }) =>
        createPythonEnvs({ baseDir: runInfo.cwd, logger: logger.child({ plugin: 'env-manager' }) }),
    });
  },
});
