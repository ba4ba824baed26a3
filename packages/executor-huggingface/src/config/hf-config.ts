import { configError } from '@dj-sandbox/core';
import { pythonEnvConfigShape } from '@dj-sandbox/env-manager';
import { z } from 'zod';
import { BUILD_MESSAGES_FUNCS, type BuildMessages, PARSE_OUTPUT_FUNCS, type ParseOutput } from '../messages/helpers.ts';

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
    build_messages_func: z.string().default('build_input'),
    parse_output_func: z.string().default('parse_output'),
    func_kwargs: mapping.default({}),
    infer_res_key: z.string().min(1).default('response'),
    dataset_path: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).nullish(),
    export_path: z.string().min(1).describe('A directory for <input name>_inference.jsonl files.'),
  })
  .loose();

/** The parsed config. */
export type HfConfig = z.output<typeof hfConfigSchema>;

/** The helpers a config names, checked. */
export interface HfHelpers {
  readonly buildMessages: BuildMessages;
  readonly parseOutput: ParseOutput;
}

function helper<T>(registry: Readonly<Record<string, T>>, key: string, name: string): T {
  const found = registry[name];
  if (found) return found;
  throw configError('huggingface-helper-unknown', `${key} names no known helper.`, {
    plugin: 'executor-huggingface',
    path: `extra_configs.${key}`,
    expected: `one of ${Object.keys(registry).join(', ')}`,
    received: name,
    fix:
      name === 'build_input'
        ? 'The reference defaults to build_input, which it never registered: set build_messages_func explicitly.'
        : `Use one of ${Object.keys(registry).join(', ')}.`,
  });
}

/** The message builder and output parser a config names (the reference's registry). */
export function helpersOf(config: HfConfig): HfHelpers {
  return {
    buildMessages: helper(BUILD_MESSAGES_FUNCS, 'build_messages_func', config.build_messages_func),
    parseOutput: helper(PARSE_OUTPUT_FUNCS, 'parse_output_func', config.parse_output_func),
  };
}

/** Parses a raw config, turning zod's issues into one config error naming the key. */
export function readHfConfig(raw: unknown): HfConfig {
  const parsed = hfConfigSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const key = issue.path.join('.');
  throw configError('huggingface-config', `${key || 'the config'}: ${issue.message}`, {
    plugin: 'executor-huggingface',
    path: `extra_configs.${key}`,
    expected: issue.message,
    received: issue.path.reduce<unknown>((v, k) => (v as Record<PropertyKey, unknown>)?.[k], raw),
    fix: key === 'model' ? 'Set model to a local model folder or a hub id.' : `Fix ${key} (see the package README).`,
  });
}
