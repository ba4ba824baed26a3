import { defineOperator, type FilterInstance, type Sample } from '@dj-sandbox/core';
import { z } from 'zod';
import { filterParams } from '../common/base-params.ts';

/** The field the loader adds with each sample's source-file extension when `suffix_filter` is in a recipe. */
export const SUFFIX_FIELD = '__dj__suffix__';

const params = filterParams({
  suffixes: z
    .union([z.string(), z.array(z.string())])
    .default([])
    .describe("Source-file suffixes to keep, with the dot (e.g. ['.txt', '.pdf']); empty keeps everything."),
});

/** `suffix_filter`: keeps samples loaded from files with one of the given suffixes (no stats). */
export const suffixFilter = defineOperator<'filter', z.output<typeof params>>({
  name: 'suffix_filter',
  kind: 'filter',
  description: "Keeps samples whose source file suffix (the loader's __dj__suffix__ field) is one of suffixes.",
  params,
  batched: false,
  statsKeys: () => [],
  create(p): FilterInstance {
    const suffixes = new Set(typeof p.suffixes === 'string' ? [p.suffixes] : p.suffixes);
    return {
      computeStats(): void {},
      keep(sample: Sample): boolean {
        if (suffixes.size === 0) return true;
        const keep = suffixes.has(String(sample[SUFFIX_FIELD]));
        return p.reversed_range ? !keep : keep;
      },
    };
  },
});
