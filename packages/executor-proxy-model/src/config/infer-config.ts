import { z } from 'zod';
import { pathList } from './common.ts';

/** Config of the `proxy_lm` / `proxy_classifier` ModelInferExecutor. */
export const inferConfig = z.looseObject({
  model_path: z.string().min(1),
  dataset_path: pathList,
  export_path: z.string().min(1),
  text_key: z.string().min(1).nullable().default(null),
});

/** Parsed inference config. */
export type InferConfig = z.output<typeof inferConfig>;
