import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ComponentEnv, pythonEnvsRef } from '@dj-sandbox/core';
import { envSpecFromConfig, openModelLog } from '@dj-sandbox/env-manager';
import {
  existingDatasetPaths,
  type Generate,
  hubModelComponents,
  inferFiles,
  modelArgument,
  runCwd,
  runnerLines,
} from '@dj-sandbox/llm-infer';
import { HF_CALLER } from '../caller.ts';
import { DEFAULT_HF_PYTHON, type HfConfig, helpersOf, hfConfigSchema, readHfConfig } from '../config/hf-config.ts';

/** The runner script shipped with the package, run with the env's `python`. */
export const HF_GENERATE_SCRIPT = fileURLToPath(new URL('../../python/hf_generate.py', import.meta.url));

/**
 * Runs the Transformers inference over every input: one env (pinned torch + transformers), one runner process per
 * input file, progress streamed from its `progress n/m` lines; returns the output paths as `export_path` writes them.
 */
export async function runHfInference(config: HfConfig, env: ComponentEnv): Promise<string[]> {
  const helpers = helpersOf(config);
  const cwd = runCwd(env);
  const inputs = existingDatasetPaths(config.dataset_path, cwd, env, HF_CALLER);
  await mkdir(resolve(cwd, config.export_path), { recursive: true });
  const component = '[plugin:executor-huggingface] infer';
  const spec = envSpecFromConfig(config, { env_py_version: DEFAULT_HF_PYTHON, deps: config.env_deps, baseDir: cwd });
  const python = await env.resolve(pythonEnvsRef).ensure(spec, { component, signal: env.signal });
  const log = openModelLog(env.workDir, 'huggingface');
  const model = modelArgument(config.model, cwd);
  const generate: Generate = async (jobs, results, onDone) => {
    const argv = ['python', HF_GENERATE_SCRIPT, '--model', model, '--jobs', jobs, '--results', results];
    argv.push('--model-params', JSON.stringify(config.model_params));
    argv.push('--sampling-params', JSON.stringify(config.sampling_params));
    await python.run(argv, {
      cwd,
      component,
      signal: env.signal,
      logFile: log.path,
      env: { HF_HUB_DISABLE_TELEMETRY: '1', TOKENIZERS_PARALLELISM: 'false' },
      onLine: runnerLines(env.logger, onDone),
    });
  };
  const identity = { model: config.model, model_params: config.model_params, sampling_params: config.sampling_params };
  try {
    return await inferFiles(inputs, { config, helpers, identity, generate, cwd, env, caller: HF_CALLER });
  } finally {
    log.close();
  }
}

const components = hubModelComponents({
  type: 'huggingface',
  description: 'Transformers text-generation for every row of dataset_path, in a Python env (torch + transformers).',
  schema: hfConfigSchema,
  read: readHfConfig,
  run: runHfInference,
  caller: HF_CALLER,
});

/** `InferModelHook` with `type: huggingface`. */
export const hfInferExecutor = components.executor;

/** `ProbeViaModelInferHook` with `type: huggingface`: the same inference on the hook's probe sample. */
export const hfInferEvaluator = components.evaluator;
