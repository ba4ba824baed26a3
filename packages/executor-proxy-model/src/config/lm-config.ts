import { z } from 'zod';
import { pathList, positiveInt, trainBlock } from './common.ts';

/**
 * Config of the `proxy_lm` ModelTrainExecutor. ModelScope-style keys where they exist (`train.max_epochs`,
 * `train.optimizer.lr`, `train.dataloader.batch_size`, `work_dir`, `train_dataset`, `eval_dataset`); the model and
 * tokenizer sizes are ours. Unknown keys (`type`, `model_name`, ...) are kept and ignored.
 */
export const lmTrainConfig = z.looseObject({
  train_dataset: pathList,
  eval_dataset: pathList.nullable().default(null),
  text_key: z.string().min(1).default('text'),
  work_dir: z.string().min(1).nullable().default(null),
  seed: z.number().int().default(42),
  train: trainBlock({ lr: 0.003, batchSize: 64, epochs: 1, optimizers: ['adam', 'adamw'] }),
  model: z
    .looseObject({
      vocab_size: z.number().int().min(257).max(65_536).default(1024),
      context: positiveInt.max(32).default(4),
      embed_dim: positiveInt.default(48),
      hidden_dim: positiveInt.default(128),
      num_classes: z.number().int().min(0).default(0),
    })
    .prefault({}),
  tokenizer: z.looseObject({ train_chars: positiveInt.default(2_000_000) }).prefault({}),
});

/** Parsed `proxy_lm` training config. */
export type LmTrainConfig = z.output<typeof lmTrainConfig>;

/** Config of the `perplexity` ModelEvaluator: `model_path` (or `ckpt_path`) and `dataset_path`. */
export const perplexityConfig = z
  .looseObject({
    model_path: z.string().min(1).optional(),
    ckpt_path: z.string().min(1).optional(),
    dataset_path: pathList,
    text_key: z.string().min(1).nullable().default(null),
  })
  .refine((c) => c.model_path !== undefined || c.ckpt_path !== undefined, {
    message: 'set model_path (or ckpt_path) to a proxy_lm checkpoint folder',
    path: ['model_path'],
  });

/** Parsed `perplexity` evaluator config. */
export type PerplexityConfig = z.output<typeof perplexityConfig>;
