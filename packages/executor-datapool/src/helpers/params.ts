import { z } from 'zod';

/** `dataset_path`: a path or a list of paths (default `[]`); always a list after parsing. */
export const pathList = z
  .union([z.string(), z.array(z.string())])
  .default([])
  .transform((v) => (typeof v === 'string' ? [v] : v));

/** `export_path`: a folder, `null` when unset (checked when the manipulator runs, as the reference does). */
export const exportPath = z.string().nullable().default(null);

/** A seed for the seeded orders: any integer. */
export const seed = z.number().int();

/** The keys every manipulator config may carry besides its own (`type`, and unknown keys are kept). */
export const baseConfig = z.looseObject({ type: z.string().optional() });
