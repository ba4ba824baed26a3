import type { FilterBaseParam, OpBaseParam } from '@dj-sandbox/core';
import { z } from 'zod';

/** A field name, the type of every `*_key` parameter. */
const fieldKey = (defaultValue: string) => z.string().default(defaultValue);

/** A parameter Data-Juicer declares `None` by default. */
const unset = <T extends z.ZodType>(type: T) => type.nullable().default(null);

/**
 * Parameters every Data-Juicer op accepts, with Data-Juicer 1.6.1's defaults (`OP._BASE_PARAMS`; checked against
 * the executor-data-juicer-py manifest by this file's test). The one declaration every operator plugin shares: the
 * runtime, not the op, acts on most of them; they are declared so that expanded recipes validate and editors can
 * complete them. Typed against core's `OP_BASE_PARAM_NAMES`, so a name missing here or added here fails to compile.
 */
export const opCommonShape = {
  text_key: fieldKey('text').describe('Field holding the text; a dotted path reaches nested fields.'),
  image_key: fieldKey('images').describe('Field holding the list of image paths.'),
  audio_key: fieldKey('audios').describe('Field holding the list of audio paths.'),
  video_key: fieldKey('videos').describe('Field holding the list of video paths.'),
  image_bytes_key: fieldKey('image_bytes').describe('Field holding encoded image bytes, when present.'),
  system_key: fieldKey('system'),
  instruction_key: fieldKey('instruction'),
  prompt_key: fieldKey('prompt'),
  query_key: fieldKey('query'),
  response_key: fieldKey('response'),
  history_key: fieldKey('history'),
  index_key: unset(z.string()),
  work_dir: unset(z.string()),
  input_columns: unset(z.union([z.string(), z.array(z.string())])),
  output_columns: unset(z.union([z.string(), z.array(z.string())])),
  skip_op_error: z.boolean().default(false),
  adaptive_batching: unset(z.boolean()),
  auto_op_parallelism: z.boolean().default(true),
  batch_mode: unset(z.boolean()),
  accelerator: unset(z.string()).describe("'cpu' or 'cuda'; unset, the op's own."),
  // Data-Juicer's DEFAULT_BATCH_SIZE; its CUDA ops default to 10 instead, and no op here runs on CUDA.
  batch_size: z.number().int().positive().default(1000),
  num_proc: unset(z.number().int()).describe('Worker count; unset, the recipe-wide `np`.'),
  turbo: z.boolean().default(false),
  cpu_required: unset(z.number()),
  gpu_required: unset(z.number()),
  mem_required: unset(z.union([z.number(), z.string()])),
  num_cpus: unset(z.number()),
  num_gpus: unset(z.number()),
  memory: unset(z.union([z.number(), z.string()])),
  runtime_env: unset(z.record(z.string(), z.unknown())),
  ray_execution_mode: unset(z.enum(['actor', 'task'])),
} satisfies Record<OpBaseParam, z.ZodType>;

/** The keep-rule flags every filter accepts on top of {@link opCommonShape} (`Filter._BASE_PARAMS`). */
export const filterCommonShape = {
  ...opCommonShape,
  stats_export_path: unset(z.string()),
  min_closed_interval: z.boolean().default(true),
  max_closed_interval: z.boolean().default(true),
  reversed_range: z.boolean().default(false),
} satisfies Record<OpBaseParam | FilterBaseParam, z.ZodType>;

/** A filter's parameter schema; unknown keys pass through, as Data-Juicer's ops take `**kwargs`. */
export function filterParams<S extends z.ZodRawShape>(shape: S) {
  return z.object({ ...filterCommonShape, ...shape }).loose();
}

/** A non-filter op's parameter schema over the common ones; unknown keys pass through. */
export function opParams<S extends z.ZodRawShape>(shape: S) {
  return z.object({ ...opCommonShape, ...shape }).loose();
}

/** Python's `sys.maxsize` (2^63 − 1) as the nearest double: Data-Juicer's "unbounded" default. */
export const MAXSIZE = 2 ** 63;

/** A nullable number bound (`min_*` / `max_*`); declared non-negative for k-sigma, not enforced. */
export function bound(defaultValue: number | null, description: string) {
  return z.number().meta({ minimum: 0 }).nullable().default(defaultValue).describe(description);
}

/** `any_or_all`: keep a sample when any (or all) of its media files pass. */
export const anyOrAll = z
  .enum(['any', 'all'])
  .default('any')
  .describe("'any': keep the sample if any of its files passes; 'all': only if all of them pass.");
