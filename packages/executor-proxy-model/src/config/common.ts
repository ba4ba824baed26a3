import { z } from 'zod';

/** A dataset path or a list of them; always a list after parsing. */
export const pathList = z
  .union([z.string().min(1), z.array(z.string().min(1)).min(1)])
  .transform((v) => (typeof v === 'string' ? [v] : v));

/** A positive integer. */
export const positiveInt = z.number().int().min(1);

/** Optimiser, scheduler and loop settings shared by both proxy models (the ModelScope `train:` block). */
export function trainBlock(defaults: {
  lr: number;
  batchSize: number;
  epochs: number;
  /** Optimisers the model supports; the first is the default. */
  optimizers: readonly ['adam', 'adamw'] | readonly ['sgd'];
}) {
  const sgd = defaults.optimizers[0] === 'sgd';
  return z
    .looseObject({
      max_epochs: positiveInt.default(defaults.epochs),
      max_steps: positiveInt.nullable().default(null),
      log_interval: positiveInt.default(10),
      clip_grad_norm: z.number().positive().nullable().default(1),
      dataloader: z.looseObject({ batch_size: positiveInt.default(defaults.batchSize) }).prefault({}),
      optimizer: z
        .looseObject({
          type: z.enum(defaults.optimizers).default(defaults.optimizers[0]),
          lr: z.number().positive().default(defaults.lr),
          weight_decay: z.number().min(0).default(0),
        })
        .prefault({}),
      lr_scheduler: z
        .looseObject({
          type: z.enum(['cosine', 'linear', 'constant']).default(sgd ? 'linear' : 'cosine'),
          warmup_steps: z
            .number()
            .int()
            .min(0)
            .default(sgd ? 0 : 20),
          min_lr_ratio: z
            .number()
            .min(0)
            .max(1)
            .default(sgd ? 0 : 0.1),
        })
        .prefault({}),
    })
    .prefault({});
}
