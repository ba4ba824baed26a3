import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ComponentEnv, type PythonEnv, pythonEnvsRef } from '@dj-sandbox/core';
import { envSpecFromConfig, type ModelLog, openModelLog } from '@dj-sandbox/env-manager';
import {
  existingDatasetPaths,
  type Generate,
  hubModelComponents,
  inferFiles,
  modelArgument,
  runCwd,
  runnerLines,
} from '@dj-sandbox/llm-infer';
import { ChatClient } from '@dj-sandbox/openai-client';
import { VLLM_CALLER } from '../caller.ts';
import {
  DEFAULT_VLLM_PYTHON,
  helpersOf,
  readVllmConfig,
  type VllmConfig,
  vllmConfigSchema,
  vllmSamplingParams,
} from '../config/vllm-config.ts';
import { serverGenerate } from '../server/server-generate.ts';
import { startVllmServer, type VllmServer } from '../server/vllm-server.ts';

/** The offline runner script shipped with the package, run with the env's `python`. */
export const VLLM_GENERATE_SCRIPT = fileURLToPath(new URL('../../python/vllm_generate.py', import.meta.url));

const COMPONENT = '[plugin:executor-vllm] infer';

/** The offline mode's generator: the runner script, `vllm.LLM(...).chat`, once per input file. */
function offlineGenerate(
  python: PythonEnv,
  config: VllmConfig,
  model: string,
  sampling: Readonly<Record<string, unknown>>,
  cwd: string,
  log: ModelLog,
  env: ComponentEnv,
): Generate {
  return async (jobs, results, onDone) => {
    const argv = ['python', VLLM_GENERATE_SCRIPT, '--model', model, '--jobs', jobs, '--results', results];
    if (config.tensor_parallel_size) argv.push('--tensor-parallel-size', String(config.tensor_parallel_size));
    argv.push('--model-params', JSON.stringify(config.model_params));
    argv.push('--sampling-params', JSON.stringify(sampling));
    await python.run(argv, {
      cwd,
      component: COMPONENT,
      signal: env.signal,
      logFile: log.path,
      onLine: runnerLines(env.logger, onDone),
    });
  };
}

/**
 * The server mode's generator: `vllm serve` is started on the first call (so a run whose inputs are all missing
 * starts nothing) and spoken to as an OpenAI-compatible server; `stop` ends it.
 */
function serverMode(
  python: PythonEnv,
  config: VllmConfig,
  model: { start: string; request: string },
  sampling: Readonly<Record<string, unknown>>,
  cwd: string,
  log: ModelLog,
  env: ComponentEnv,
): { generate: Generate; stop: () => Promise<void> } {
  let server: Promise<VllmServer> | undefined;
  const start = () =>
    startVllmServer(python, {
      model: model.start,
      tensorParallelSize: config.tensor_parallel_size ?? null,
      modelParams: config.model_params,
      cwd,
      logFile: log.path,
      component: COMPONENT,
      signal: env.signal,
      startupTimeoutMs: config.server_startup_timeout * 1000,
      onLine: runnerLines(env.logger),
    });
  return {
    async generate(jobs, results, onDone) {
      server ??= start();
      const running = await server;
      const client = new ChatClient({
        baseUrl: running.baseUrl,
        apiKey: running.apiKey,
        endpoint: '/chat/completions',
        responsePath: 'choices.0.message.content',
        retry: { maxRetries: config.max_retry_num, baseDelayMs: 1000, maxDelayMs: 60_000 },
        timeoutMs: config.request_timeout * 1000,
        onRetry: ({ attempt, delayMs, reason }) =>
          env.logger.warn(`Retry ${attempt}/${config.max_retry_num} in ${delayMs} ms: ${reason}`),
      });
      const generate = serverGenerate(client, model.request, sampling, config.concurrency, env.signal, env.logger);
      await generate(jobs, results, onDone);
    },
    async stop() {
      if (!server) return;
      const running = await server.catch(() => undefined);
      await running?.stop();
    },
  };
}

/**
 * Runs the vLLM inference over every input and returns the output paths as `export_path` writes them. In server
 * mode the `vllm serve` process is stopped in `finally`, whatever happened.
 */
export async function runVllmInference(config: VllmConfig, env: ComponentEnv): Promise<string[]> {
  const helpers = helpersOf(config);
  const cwd = runCwd(env);
  const inputs = existingDatasetPaths(config.dataset_path, cwd, env, VLLM_CALLER);
  await mkdir(resolve(cwd, config.export_path), { recursive: true });
  const spec = envSpecFromConfig(config, { env_py_version: DEFAULT_VLLM_PYTHON, deps: config.env_deps, baseDir: cwd });
  const python = await env.resolve(pythonEnvsRef).ensure(spec, { component: COMPONENT, signal: env.signal });
  const log = openModelLog(env.workDir, 'vllm');
  const model = modelArgument(config.model, cwd);
  const modelDir = existsSync(resolve(cwd, config.model)) ? model : null;
  // vllm serve answers to --served-model-name when one is given, else to the model tag it was started with.
  const served = config.model_params.served_model_name;
  const requestModel = typeof served === 'string' && served !== '' ? served : model;
  const sampling = vllmSamplingParams(config, modelDir, (m) => env.logger.warn(m));
  const mode =
    config.mode === 'server'
      ? serverMode(python, config, { start: model, request: requestModel }, sampling, cwd, log, env)
      : { generate: offlineGenerate(python, config, model, sampling, cwd, log, env), stop: async () => {} };
  const identity = {
    mode: config.mode,
    model: config.model,
    tensor_parallel_size: config.tensor_parallel_size,
    model_params: config.model_params,
    sampling,
  };
  try {
    return await inferFiles(inputs, {
      config,
      helpers,
      identity,
      generate: mode.generate,
      cwd,
      env,
      caller: VLLM_CALLER,
    });
  } finally {
    await mode.stop();
    log.close();
  }
}

const components = hubModelComponents({
  type: 'vllm',
  description:
    'vLLM inference for every row of dataset_path: in-process LLM.chat, or a vllm serve it starts and stops.',
  schema: vllmConfigSchema,
  read: readVllmConfig,
  run: runVllmInference,
  caller: VLLM_CALLER,
});

/** `InferModelHook` with `type: vllm`. */
export const vllmInferExecutor = components.executor;

/** `ProbeViaModelInferHook` with `type: vllm`: the same inference on the hook's probe sample. */
export const vllmInferEvaluator = components.evaluator;
