import { z } from 'zod';
import { DISTRIBUTIONS } from './sweep-types.ts';

/** Top-level keys of a W&B sweep that we accept and ignore (they configure W&B itself, not the search). */
export const IGNORED_WANDB_KEYS = [
  'name',
  'description',
  'program',
  'command',
  'project',
  'entity',
  'controller',
  'imputewhilerunning',
  'sweep_name',
] as const;

const finite = z.number().refine(Number.isFinite, 'must be a finite number');

/**
 * One entry of `parameters:` (W&B's parameter schema). Cross-field rules (min < max, probabilities that match
 * the values, positive bounds for the `_values` log forms) are checked in `parse-sweep.ts`, so that one bad entry
 * does not hide the others.
 */
export const parameterSchema = z.strictObject({
  distribution: z.enum(DISTRIBUTIONS).optional(),
  value: z.unknown().optional(),
  values: z.array(z.unknown()).min(1).optional(),
  probabilities: z.array(finite.nonnegative()).optional(),
  min: finite.optional(),
  max: finite.optional(),
  mu: finite.optional(),
  sigma: finite.positive().optional(),
  a: finite.positive().optional(),
  b: finite.positive().optional(),
  q: finite.positive().optional(),
  parameters: z.record(z.string(), z.unknown()).optional(),
});

/** A parameter entry as zod parsed it. */
export type ParameterInput = z.infer<typeof parameterSchema>;

/** `early_terminate:` (W&B's hyperband_stopping schema; `eta` defaults to 3, `s` to 0, `strict` to false). */
export const earlyTerminateSchema = z.strictObject({
  type: z.literal('hyperband'),
  min_iter: z.int().positive().optional(),
  max_iter: z.int().positive().optional(),
  s: z.int().nonnegative().default(0),
  eta: finite.gt(1).default(3),
  strict: z.boolean().default(false),
});

/** `tpe:` (our addition): TPE settings for `method: bayes`. */
export const tpeSchema = z.strictObject({
  n_startup_trials: z.int().nonnegative().optional(),
  n_ei_candidates: z.int().positive().optional(),
  n_ei_candidates_pending: z.int().positive().optional(),
  gamma: finite.gt(0).lte(1).optional(),
  linear_forgetting: z.int().positive().optional(),
  prior_weight: finite.positive().optional(),
  multivariate: z.boolean().optional(),
});

/** The top level of a sweep file. */
export const sweepSchema = z.strictObject({
  method: z.enum(['grid', 'random', 'bayes']),
  metric: z.strictObject({
    name: z.string().min(1),
    goal: z.enum(['minimize', 'maximize']).default('minimize'),
    target: finite.optional(),
    impute: finite.optional(),
  }),
  parameters: z
    .record(z.string(), z.unknown())
    .refine((p) => Object.keys(p).length > 0, 'needs at least one parameter'),
  early_terminate: earlyTerminateSchema.optional(),
  sweep_max_count: z.int().positive().optional(),
  run_cap: z.int().positive().optional(),
  seed: z.int().optional(),
  tpe: tpeSchema.optional(),
  ...Object.fromEntries(IGNORED_WANDB_KEYS.map((k) => [k, z.unknown().optional()])),
});

/** A sweep as zod parsed it, before the parameters are normalised. */
export type SweepInput = z.infer<typeof sweepSchema>;
