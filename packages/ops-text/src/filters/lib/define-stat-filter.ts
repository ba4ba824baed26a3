import {
  defineOperator,
  type FilterInstance,
  type OperatorDefinition,
  type OperatorEnv,
  type Sample,
} from '@dj-sandbox/core';
import { makeRangeTest, type RangeFlags } from '@dj-sandbox/media';
import type { z } from 'zod';
import { statsOf, textOf } from '../../common/samples.ts';

/** Parameters every stat filter has: where its text is and how its keep rule behaves. */
export type StatFilterParams = RangeFlags & { text_key: string };

/** A computation of one stat from one text, made once per op instance (models loaded, lists compiled). */
export type TextStat = (text: string) => number;

/** What a single-stat text filter declares; {@link defineStatFilter} adds caching, the keep rule and the contract. */
export interface StatFilterSpec<S extends z.ZodType<StatFilterParams>> {
  name: string;
  description: string;
  params: S;
  requires?: readonly string[];
  batched?: boolean;
  /** The stats key written for these params (some filters switch key with `tokenization`). */
  statKey(params: z.output<S>): string;
  /** The closed-interval bounds of the keep rule; null is unbounded. */
  bounds(params: z.output<S>): [number | null, number | null];
  /** Builds the per-text computation (loads models, word lists). */
  prepare(params: z.output<S>, env: OperatorEnv): TextStat | Promise<TextStat>;
}

/**
 * Defines a Data-Juicer filter whose one numeric stat comes from the text alone: stats are computed only when the
 * key is absent (Data-Juicer's cache rule), and `keep` applies Data-Juicer's range rule to the stored stat
 * (docs/text-operators.md#filters).
 */
export function defineStatFilter<S extends z.ZodType<StatFilterParams>>(
  spec: StatFilterSpec<S>,
): OperatorDefinition<'filter', z.output<S>> {
  return defineOperator<'filter', z.output<S>>({
    name: spec.name,
    kind: 'filter',
    description: spec.description,
    params: spec.params,
    ...(spec.requires ? { requires: spec.requires } : {}),
    batched: spec.batched ?? true,
    statsKeys: (params) => [spec.statKey(params)],
    async create(params, env): Promise<FilterInstance> {
      const compute = await spec.prepare(params, env);
      const key = spec.statKey(params);
      const [min, max] = spec.bounds(params);
      const inRange = makeRangeTest(min, max, params);
      return {
        computeStats(samples: Sample[]): void {
          for (const sample of samples) {
            const stats = statsOf(sample);
            if (key in stats) continue;
            stats[key] = compute(textOf(sample, params.text_key, spec.name));
          }
        },
        keep(sample: Sample): boolean {
          return inRange(Number(statsOf(sample)[key]));
        },
      };
    },
  });
}
