import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pythonEnvConfigShape } from '@dj-sandbox/env-manager';
import { inferenceConfigShape, type NamedHelpers, namedHelpers, readInferConfig } from '@dj-sandbox/llm-infer';
import { z } from 'zod';
import { VLLM_CALLER } from '../caller.ts';

/** What the env installs unless `env_deps` says otherwise (vLLM brings its own CUDA torch). */
export const DEFAULT_VLLM_DEPS: readonly string[] = ['vllm==0.33.0'];

/** Python of the env unless `env_py_version` says otherwise. */
export const DEFAULT_VLLM_PYTHON = '3.11';

const mapping = z.record(z.string(), z.unknown());

/** The `vllm` executor's keys (see the package README); dataset_path may come from the probe hook. */
export const vllmConfigSchema = z
  .object({
    type: z.literal('vllm'),
    ...pythonEnvConfigShape,
    env_deps: z
      .array(z.string())
      .default([...DEFAULT_VLLM_DEPS])
      .describe('What the env installs.'),
    mode: z
      .enum(['offline', 'server'])
      .default('offline')
      .describe('offline: vllm.LLM(...).chat in one process, as the reference; server: vllm serve, spoken to as api.'),
    model: z.string().min(1).describe('A local model folder or a Hugging Face hub id.'),
    tensor_parallel_size: z.number().int().positive().nullish().describe('Default: the visible CUDA devices.'),
    model_params: mapping.default({}).describe('offline: vllm.LLM(**model_params); server: --kebab-case flags.'),
    sampling_params: mapping.default({}).describe("vLLM's SamplingParams (max_tokens, temperature, top_p, ...)."),
    ...inferenceConfigShape,
    concurrency: z.number().int().positive().default(16).describe('server: requests in flight at once.'),
    request_timeout: z.number().positive().default(600).describe('server: seconds before one request is retried.'),
    max_retry_num: z.number().int().nonnegative().default(5).describe('server: retries after the first try.'),
    server_startup_timeout: z
      .number()
      .positive()
      .default(1800)
      .describe('server: seconds to wait for /health (loading weights and compiling takes minutes).'),
  })
  .loose();

/** The parsed config. */
export type VllmConfig = z.output<typeof vllmConfigSchema>;

/** Parses a raw config, turning zod's issues into one config error naming the key. */
export function readVllmConfig(raw: unknown): VllmConfig {
  return readInferConfig(vllmConfigSchema, raw, VLLM_CALLER);
}

/** The message builder and output parser a config names (the reference's registry). */
export function helpersOf(config: VllmConfig): NamedHelpers {
  return namedHelpers(VLLM_CALLER, config.build_messages_func, config.parse_output_func);
}

/**
 * The sampling params vLLM gets. The reference filled in `max_new_tokens`, which vLLM's SamplingParams rejects: here
 * a `max_new_tokens` the user wrote becomes `max_tokens` (with `warn`), and when neither is set `max_tokens` is the
 * model folder's `generation_config.json` `max_new_tokens`, else 512, as the reference meant.
 */
export function vllmSamplingParams(
  config: VllmConfig,
  modelDir: string | null,
  warn: (message: string) => void,
): Record<string, unknown> {
  const { max_new_tokens: maxNewTokens, ...sampling } = config.sampling_params;
  if (maxNewTokens !== undefined) {
    warn("sampling_params.max_new_tokens is Transformers' name; vLLM's SamplingParams takes max_tokens: using it.");
    if (sampling.max_tokens === undefined) sampling.max_tokens = maxNewTokens;
  }
  if (sampling.max_tokens !== undefined) return sampling;
  const generationConfig = modelDir ? join(modelDir, 'generation_config.json') : null;
  if (generationConfig && existsSync(generationConfig)) {
    const configured = (JSON.parse(readFileSync(generationConfig, 'utf8')) as { max_new_tokens?: unknown })
      .max_new_tokens;
    if (typeof configured === 'number' && configured > 0) return { ...sampling, max_tokens: configured };
  }
  return { ...sampling, max_tokens: 512 };
}
