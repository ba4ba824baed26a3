import type { PythonEnvSpec } from '@dj-sandbox/core';

/** The Data-Juicer release this package is tested with and its manifest describes. */
export const DATA_JUICER_VERSION = '1.6.1';

/**
 * What the engine's environment holds, pinned: Data-Juicer, and the packages it would otherwise install itself at
 * run time without a version (its lazy loader): `torch` (imported after every operator to free GPU memory), `ray`
 * (imported while the config is parsed, and the Ray executor), `aiohttp` (imported by its file utilities), `matplotlib`
 * (the analyzer's figures), `openai` (the client of its API-model operators, e.g. `optimize_prompt_mapper`, which
 * speak to any OpenAI-compatible server named by `OPENAI_BASE_URL` or the op's `model_params.base_url`).
 */
export const DATA_JUICER_DEPS: readonly string[] = [
  `py-data-juicer==${DATA_JUICER_VERSION}`,
  'aiohttp==3.14.5',
  'torch==2.15.0',
  'ray==2.60.0',
  'matplotlib==3.11.2',
  // The video operators read frames with PyAV; Data-Juicer's vision extra pins 13.1.0, and the newest release (which
  // the lazy loader would take) lacks the codec-context close() they call.
  'av==13.1.0',
  'openai==3.63.0',
];

/** Options of the plugin (`plugins: [['@dj-sandbox/executor-data-juicer-py', {...}]]`). */
export interface DataJuicerPyOptions {
  /** Python version of the env (default: uv's default interpreter). */
  readonly env_py_version?: string;
  /** Environment manager (default `uv`). */
  readonly env_manager?: PythonEnvSpec['env_manager'];
  /** A named env instead of the cached one. */
  readonly env_name?: string;
  /** More requirements, e.g. what a model-based operator needs. */
  readonly extra_deps?: readonly string[];
}

/** The env spec of the engine for the plugin's options. */
export function engineEnvSpec(options: DataJuicerPyOptions = {}): PythonEnvSpec {
  return {
    env_manager: options.env_manager ?? 'uv',
    deps: [...DATA_JUICER_DEPS, ...(options.extra_deps ?? [])],
    ...(options.env_py_version ? { env_py_version: options.env_py_version } : {}),
    ...(options.env_name ? { env_name: options.env_name } : {}),
  };
}
