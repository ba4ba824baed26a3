export { findExecutable } from './managers/find-executable.ts';
export { MODEL_LOG_END_MARKER, type ModelLog, openModelLog } from './model-log.ts';
export { default } from './plugin.ts';
export { showArgv } from './process/command-errors.ts';
export { runCommand, TAIL_LINES } from './process/run-command.ts';
export { createPythonEnvs, ensurePythonEnv, type PythonEnvsOptions } from './python-envs.ts';
export { installCommands, requirementArgs, splitWords } from './spec/dep-args.ts';
export {
  type EnvSpecDefaults,
  envSpecFromConfig,
  pythonEnvConfig,
  pythonEnvConfigShape,
} from './spec/env-config.ts';
export { ENV_MANAGERS, resolveEnvSpec } from './spec/resolve-spec.ts';
export { defaultEnvCacheDir } from './store/cache-dir.ts';
