import {
  defineOperator,
  type FilterInstance,
  type OperatorDefinition,
  type OperatorEnv,
  type Sample,
} from '@dj-sandbox/core';
import { keepByStrategy, type RangeFlags } from '@dj-sandbox/media';
import type { z } from 'zod';
import { imageBytesOf, imagePathsOf, statsOf } from '../common/samples.ts';

/** Parameters every image filter has. */
export type ImageFilterParams = RangeFlags & { image_key: string; image_bytes_key: string; any_or_all: 'any' | 'all' };

/** One image, by path and, when the sample carries them, its encoded bytes. */
export interface ImageRef {
  readonly path: string;
  readonly bytes?: Uint8Array;
}

/** What an image filter declares; {@link defineImageFilter} adds the stats cache, the strategy and the contract. */
export interface ImageFilterSpec<S extends z.ZodType<ImageFilterParams>> {
  name: string;
  description: string;
  params: S;
  /** The stats keys it writes, in order; all present means computed (Data-Juicer's cache rule). */
  statsKeys: readonly string[];
  /** Per-stat values for one sample's images (one list per stats key, one value per image). */
  compute(images: readonly ImageRef[], params: z.output<S>): Promise<number[][]>;
  /** Builds the per-image test from the params: given the image's values (one per stats key), keep it? */
  imageTest(params: z.output<S>): (values: readonly number[]) => boolean;
}

/**
 * Defines a Data-Juicer image filter whose stats are per-image lists: a sample without images gets empty lists
 * and stays; otherwise each image passes or not, and `any_or_all` decides for the sample.
 */
export function defineImageFilter<S extends z.ZodType<ImageFilterParams>>(
  spec: ImageFilterSpec<S>,
): OperatorDefinition<'filter', z.output<S>> {
  return defineOperator<'filter', z.output<S>>({
    name: spec.name,
    kind: 'filter',
    description: spec.description,
    params: spec.params,
    requires: ['sharp (libvips) to read image headers and pixels'],
    batched: true,
    statsKeys: () => spec.statsKeys,
    create(params, env: OperatorEnv): FilterInstance {
      const test = spec.imageTest(params);
      return {
        async computeStats(samples: Sample[]): Promise<void> {
          for (const sample of samples) {
            const stats = statsOf(sample);
            if (spec.statsKeys.every((k) => k in stats)) continue;
            const paths = imagePathsOf(sample, params.image_key, spec.name, env.datasetDir);
            const bytes = imageBytesOf(sample, params.image_bytes_key, paths.length);
            const images = paths.map((path, i) => (bytes ? { path, bytes: bytes[i]! } : { path }));
            const values = images.length === 0 ? spec.statsKeys.map(() => []) : await spec.compute(images, params);
            spec.statsKeys.forEach((key, i) => {
              stats[key] = values[i];
            });
          }
        },
        keep(sample: Sample): boolean {
          const stats = statsOf(sample);
          const lists = spec.statsKeys.map((k) => (Array.isArray(stats[k]) ? (stats[k] as number[]) : []));
          const bools = lists[0]!.map((_, i) => test(lists.map((l) => Number(l[i]))));
          return keepByStrategy(bools, params.any_or_all);
        },
      };
    },
  });
}
