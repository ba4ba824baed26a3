import { z } from 'zod';
import { pathList, positiveInt, trainBlock } from './common.ts';

/**
 * Config of the `proxy_classifier` ModelTrainExecutor: the ModelScope-style keys of `proxy_lm` plus `label_key` and
 * fastText's feature options under `model`.
 */
export const classifierTrainConfig = z.looseObject({
  train_dataset: pathList,
  eval_dataset: pathList.nullable().default(null),
  text_key: z.string().min(1).default('text'),
  label_key: z.string().min(1).default('label'),
  work_dir: z.string().min(1).nullable().default(null),
  seed: z.number().int().default(42),
  train: trainBlock({ lr: 0.2, batchSize: 16, epochs: 5, optimizers: ['sgd'] }),
  model: z
    .looseObject({
      dim: positiveInt.default(32),
      buckets: positiveInt.max(1 << 24).default(1 << 16),
      word_ngrams: positiveInt.max(5).default(2),
      minn: z.number().int().min(0).default(3),
      maxn: z.number().int().min(0).default(5),
      max_words: positiveInt.default(1000),
    })
    .prefault({})
    .refine((m) => m.minn === 0 || m.maxn >= m.minn, { message: 'maxn must be >= minn', path: ['maxn'] }),
});

/** Parsed `proxy_classifier` training config. */
export type ClassifierTrainConfig = z.output<typeof classifierTrainConfig>;
