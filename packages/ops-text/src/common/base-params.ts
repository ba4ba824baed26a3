import { z } from 'zod';

/**
 * Parameters every Data-Juicer op accepts (spec/dj-core.md §1.4). The runtime, not the op, acts on most of them;
 * they are declared so that expanded recipes validate and editors can complete them.
 */
export const opCommonShape = {
  text_key: z.string().default('text').describe('Field holding the text; a dotted path reaches nested fields.'),
  image_key: z.string().nullish(),
  audio_key: z.string().nullish(),
  video_key: z.string().nullish(),
  image_bytes_key: z.string().nullish(),
  system_key: z.string().nullish(),
  instruction_key: z.string().nullish(),
  prompt_key: z.string().nullish(),
  query_key: z.string().nullish(),
  response_key: z.string().nullish(),
  history_key: z.string().nullish(),
  index_key: z.string().nullish(),
  work_dir: z.string().nullish(),
  skip_op_error: z.boolean().nullish(),
  accelerator: z.string().nullish(),
  batch_size: z.number().int().positive().nullish(),
  num_proc: z.number().int().nullish(),
  cpu_required: z.number().nullish(),
  gpu_required: z.number().nullish(),
  mem_required: z.union([z.number(), z.string()]).nullish(),
  turbo: z.boolean().nullish(),
};

/** The keep-rule flags every filter accepts (spec/dj-core.md §3.3). */
export const filterCommonShape = {
  ...opCommonShape,
  min_closed_interval: z.boolean().default(true),
  max_closed_interval: z.boolean().default(true),
  reversed_range: z.boolean().default(false),
  stats_export_path: z.string().nullish(),
};

/**
 * A filter's parameter schema: its own parameters over the common ones. Unknown keys pass through, as Data-Juicer's
 * ops take `**kwargs`, so an expanded recipe from Data-Juicer validates as it is.
 */
export function filterParams<S extends z.ZodRawShape>(shape: S) {
  return z.object({ ...filterCommonShape, ...shape }).loose();
}

/** A selector's (or any non-filter op's) parameter schema: its own parameters over the common ones. */
export function opParams<S extends z.ZodRawShape>(shape: S) {
  return z.object({ ...opCommonShape, ...shape }).loose();
}

/** The range of a ratio bound: a share, in [0, 1]. */
export const RATIO = { min: 0, max: 1 } as const;

/** A count or length bound: an integer >= 0 (Data-Juicer declares these `int`). */
export const COUNT = { min: 0, int: true } as const;

/** A nullable number bound (`min_*` / `max_*`), null meaning unbounded. */
export function bound(
  defaultValue: number | null,
  description: string,
  options: { min?: number; max?: number; int?: boolean } = { min: 0 },
) {
  // The valid range is declared (JSON Schema `minimum` / `maximum`, which k-sigma refinement clamps to) and checked
  // by core's checkRecipe: a bound outside it that drops every sample is an error, one that bounds nothing a warning.
  // `int` declares Data-Juicer's `int` type (k-sigma refinement rounds to it) without rejecting floats at run time,
  // as Data-Juicer's own refined recipes may hold them.
  const range = {
    ...(options.min === undefined ? {} : { minimum: options.min }),
    ...(options.max === undefined ? {} : { maximum: options.max }),
    ...(options.int ? { type: 'integer' as const } : {}),
  };
  const base = Object.keys(range).length === 0 ? z.number() : z.number().meta(range);
  return base.nullable().default(defaultValue).describe(description);
}
