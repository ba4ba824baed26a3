import { createRef } from '../refs/create-ref.ts';

/** The environment managers the reference's EnvManager accepts (`env_manager`), see docs/python-environments.md. */
export type PythonEnvManagerName = 'uv' | 'venv' | 'virtualenv' | 'conda' | 'mamba';

/**
 * Describes a Python environment with the reference's keys, unchanged (`env_name`, `env_manager`, `env_params`,
 * `env_config_path`, `env_py_version`), plus the dependency specs to install into it.
 */
export interface PythonEnvSpec {
  /** For venv/virtualenv/uv a directory (relative to `baseDir`); for conda/mamba an env name. Null: cached by hash. */
  readonly env_name?: string | null;
  /** Default `uv`. */
  readonly env_manager?: PythonEnvManagerName | null;
  /** Extra parameters; only conda/mamba accept any (the reference rejects them for virtual envs). */
  readonly env_params?: Readonly<Record<string, unknown>> | null;
  /** A conda environment YAML (its `name:` wins over `env_name`). */
  readonly env_config_path?: string | null;
  /** Python version, e.g. `3.11`; default: the manager's default interpreter. */
  readonly env_py_version?: string | null;
  /**
   * What to install: a directory (editable install), a requirements file, or a list of requirement strings. A list
   * element with flags (`flash-attn==2.3.6 --no-build-isolation`) is split into arguments.
   */
  readonly deps?: string | readonly string[] | null;
  /** Folder that relative paths in this spec are resolved against (default: the working directory). */
  readonly baseDir?: string;
}

/** How to run one command inside an environment. */
export interface PythonCommandOptions {
  readonly cwd?: string;
  /** Extra environment variables for the child (merged over the parent's). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Called for every line of the child's stdout and stderr, as it arrives. */
  readonly onLine?: (line: string, stream: 'stdout' | 'stderr') => void;
  /** A file every output line is appended to (the model log `model_exe_<run_type>_<timestamp>.log`). */
  readonly logFile?: string;
  readonly signal?: AbortSignal;
  /** Who runs it, for error messages: e.g. `[plugin:executor-easyanimate] train`. */
  readonly component?: string;
  /** When true a non-zero exit resolves with its code instead of throwing. */
  readonly allowFailure?: boolean;
  /** Text written to the child's stdin (then closed). */
  readonly input?: string;
}

/** The result of a command run in an environment. */
export interface PythonCommandResult {
  readonly exitCode: number;
  /** The last output lines (at most 40), for error messages. */
  readonly tail: readonly string[];
}

/** A created, ready environment. */
export interface PythonEnv {
  readonly name: string;
  readonly manager: PythonEnvManagerName;
  /** The environment's directory. */
  readonly prefix: string;
  /** Absolute path of its Python interpreter. */
  readonly python: string;
  /**
   * Runs `argv` (an argument array, never a shell string) inside the environment: its `bin` first on `PATH`
   * (`conda run -n` for conda/mamba). A non-zero exit throws a clear error naming the component, the env, the argv,
   * the exit code and the last lines of output, unless `allowFailure`.
   */
  run(argv: readonly string[], options?: PythonCommandOptions): Promise<PythonCommandResult>;
  /** Installs more dependency specs (same forms as {@link PythonEnvSpec.deps}); a no-op when already installed. */
  install(deps: string | readonly string[], options?: PythonCommandOptions): Promise<void>;
}

/** The Python bridge every Python-side plugin uses; provided by `@dj-sandbox/env-manager`. */
export interface PythonEnvs {
  /**
   * Creates the environment the spec describes, or reuses it: environments are keyed by a hash of the manager, the
   * Python version and the dependency specs, created under a lock, and marked complete only when creation and
   * installation succeeded, so a killed creation is never mistaken for a finished env.
   */
  ensure(spec: PythonEnvSpec, options?: PythonCommandOptions): Promise<PythonEnv>;
}

/** The service ref of the Python bridge (`env.resolve(pythonEnvsRef)` in a component factory). */
export const pythonEnvsRef = createRef<PythonEnvs>({ id: 'env-manager.python-envs' });
