import { z } from 'zod';

/**
 * Parameters every Data-Juicer op accepts (its `OP.__init__` keywords). Image ops read `image_key` (default
 * `images`) and `image_bytes_key`; the rest are declared so that recipes written for Data-Juicer validate.
 */
export const opCommonShape = {
  text_key: z
    .string()
    .default('text')
    .describe('Field holding the text (image_deduplicator reads it with consider_text).'),
  image_key: z.string().default('images').describe('Field holding the list of image paths.'),
  image_bytes_key: z.string().default('image_bytes').describe('Field holding encoded image bytes, when present.'),
  audio_key: z.string().nullish(),
  video_key: z.string().nullish(),
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

/** `any_or_all`: keep a sample when any (or all) of its images pass; a sample without images always stays. */
export const anyOrAll = z
  .enum(['any', 'all'])
  .default('any')
  .describe("'any': keep the sample if any image passes; 'all': only if every image passes.");

/** A filter's parameter schema over the common ones; unknown keys pass, as Data-Juicer's `**kwargs` do. */
export function filterParams<S extends z.ZodRawShape>(shape: S) {
  return z.object({ ...filterCommonShape, ...shape }).loose();
}

/** A non-filter op's parameter schema over the common ones. */
export function opParams<S extends z.ZodRawShape>(shape: S) {
  return z.object({ ...opCommonShape, ...shape }).loose();
}

/** Python's `sys.maxsize` (2^63 - 1, here its nearest double 2^63), Data-Juicer's "no upper bound" for integers. */
export const MAXSIZE = 2 ** 63;
