import { configError } from '@dj-sandbox/core';
import { z } from 'zod';
import type { InferCaller } from '../caller.ts';

const mapping = z.record(z.string(), z.unknown());

/**
 * The keys every LLM inference executor reads as the reference does (spread into a plugin's `z.object`): the
 * message builder and output parser by name, their kwargs, the result key, the input files (they may come from the
 * probe hook) and the output directory.
 */
export const inferenceConfigShape = {
  build_messages_func: z.string().default('build_input'),
  parse_output_func: z.string().default('parse_output'),
  func_kwargs: mapping.default({}),
  infer_res_key: z.string().min(1).default('response'),
  dataset_path: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).nullish(),
  export_path: z.string().min(1).describe('A directory for <input name>_inference.jsonl files.'),
};

/** Parses a raw config with `schema`, turning zod's first issue into one config error (`<kind>-config`) naming the key. */
export function readInferConfig<S extends z.ZodType>(schema: S, raw: unknown, caller: InferCaller): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const key = issue.path.join('.');
  throw configError(`${caller.kind}-config`, `${key || 'the config'}: ${issue.message}`, {
    plugin: caller.plugin,
    path: `extra_configs.${key}`,
    expected: issue.message,
    received: issue.path.reduce<unknown>((v, k) => (v as Record<PropertyKey, unknown>)?.[k], raw),
    fix: key === 'model' ? 'Set model to a local model folder or a hub id.' : `Fix ${key} (see the package README).`,
  });
}
