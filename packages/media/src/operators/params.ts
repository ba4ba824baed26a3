import { z } from 'zod';

/**
 * Parameters every Data-Juicer op accepts (see docs/media-operators.md). The runtime, not the op, acts on most of
 * them; they are declared so that expanded recipes validate and editors can complete them.
 */
export const opCommonShape = {
  text_key: z.string().default('text'),
  image_key: z.string().default('images'),
  audio_key: z.string().default('audios'),
  video_key: z.string().default('videos'),
  image_bytes_key: z.string().nullish(),
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

/** The keep-rule flags every filter accepts. */
export const filterCommonShape = {
  ...opCommonShape,
  min_closed_interval: z.boolean().default(true),
  max_closed_interval: z.boolean().default(true),
  reversed_range: z.boolean().default(false),
  stats_export_path: z.string().nullish(),
};

/** A filter's parameter schema; unknown keys pass through, as Data-Juicer's ops take `**kwargs`. */
export function filterParams<S extends z.ZodRawShape>(shape: S) {
  return z.object({ ...filterCommonShape, ...shape }).loose();
}

/** A mapper's parameter schema; unknown keys pass through. */
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
