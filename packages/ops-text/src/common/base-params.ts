import { z } from 'zod';

// Data-Juicer's common op parameters are declared once, in @dj-sandbox/media, for every operator plugin.
export { filterParams, opParams } from '@dj-sandbox/media';

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
