import { readFileSync } from 'node:fs';
import type { Sample } from '@dj-sandbox/core';
import { describe, expect, it } from 'vitest';
import { IMAGE_HASH_KEY, imageDeduplicator } from './deduplicators/image-deduplicator.ts';
import { imageAspectRatioFilter } from './filters/image-aspect-ratio-filter.ts';
import { imageShapeFilter } from './filters/image-shape-filter.ts';
import { imageSizeFilter } from './filters/image-size-filter.ts';
import { runDedup, runFilter } from './test-helpers/run-op.ts';

interface Goldens {
  samples: Sample[];
  filters: Record<string, { params: Record<string, unknown>; stats: Record<string, unknown>[]; kept: number[] }[]>;
  image_deduplicator: { params: Record<string, unknown>; hashes: string[]; kept: number[] }[];
}

// Computed by scripts/goldens.py with Data-Juicer 1.6.1 (and imagededup 0.3.3) on the fixture media.
const goldens = JSON.parse(
  readFileSync(new URL('./__fixtures__/dj-image-goldens.json', import.meta.url), 'utf8'),
) as Goldens;

const filters = {
  image_size_filter: imageSizeFilter,
  image_aspect_ratio_filter: imageAspectRatioFilter,
  image_shape_filter: imageShapeFilter,
} as const;

describe('image operators equal Data-Juicer 1.6.1 on its own test images', () => {
  for (const [name, op] of Object.entries(filters)) {
    for (const run of goldens.filters[name]!) {
      it(`${name} ${JSON.stringify(run.params)}: the same stats and the same kept samples`, async () => {
        const out = await runFilter(op as never, goldens.samples, run.params);
        expect(out.stats).toEqual(run.stats);
        expect(out.kept).toEqual(run.kept);
      });
    }
  }

  for (const run of goldens.image_deduplicator) {
    it(`image_deduplicator ${JSON.stringify(run.params)}: the same image hashes and the same kept samples`, async () => {
      const out = await runDedup(imageDeduplicator, goldens.samples, run.params);
      expect(out.samples.map((s) => s[IMAGE_HASH_KEY])).toEqual(run.hashes);
      expect(out.kept).toEqual(run.kept);
    });
  }
});
