import { pythonEnvConfigShape } from '@dj-sandbox/env-manager';
import { inferenceConfigShape, type NamedHelpers, namedHelpers, readInferConfig } from '@dj-sandbox/llm-infer';
import { z } from 'zod';
import { HF_CALLER } from '../caller.ts';

/**
 * What the env installs unless `env_deps` says otherwise: the torch the Data-Juicer engine's env pins (so uv's cache
 * holds one torch for both) and a Transformers release that reads it.
 */
export const DEFAULT_HF_DEPS: readonly string[] = ['torch==2.15.0', 'transformers==5.25.0'];

/** Python of the env unless `env_py_version` says otherwise (torch 2.15.0's wheels in uv's cache are cp311). */
export const DEFAULT_HF_PYTHON = '3.11';

const mapping = z.record(z.string(), z.unknown());

/** The `huggingface` executor's keys (see the package README); dataset_path may come from the probe hook. */
export const hfConfigSchema = z
  .object({
    type: z.literal('huggingface'),
    ...pythonEnvConfigShape,
    env_deps: z
      .array(z.string())
      .default([...DEFAULT_HF_DEPS])
      .describe('What the env installs.'),
    model: z.string().min(1).describe('A local model folder or a Hugging Face hub id.'),
    model_params: mapping.default({}).describe('Passed to from_pretrained of the tokenizer and the model.'),
    sampling_params: mapping
      .default({})
      .describe('Passed to the pipeline call; max_new_tokens defaults as the reference.'),
    ...inferenceConfigShape,
  })
  .loose();

/** The parsed config. */
export type HfConfig = z.output<typeof hfConfigSchema>;

/** The message builder and output parser a config names (the reference's registry). */
export function helpersOf(config: HfConfig): NamedHelpers {
  return namedHelpers(HF_CALLER, config.build_messages_func, config.parse_output_func);
}

/** Parses a raw config, turning zod's issues into one config error naming the key. */
export function readHfConfig(raw: unknown): HfConfig {
  return readInferConfig(hfConfigSchema, raw, HF_CALLER);
}
