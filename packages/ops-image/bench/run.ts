/**
 * Images per second of each ops-image operator on Data-Juicer's test images (2048×1365 down to 336×336), printed as
 * JSON. The filters read headers or file sizes; the deduplicator decodes every image and resizes it the way Pillow
 * does. Usage: pnpm --filter @dj-sandbox/ops-image bench   (BENCH_ROUNDS, default 3)
 */
import { readdirSync } from 'node:fs';
import type { Sample } from '@dj-sandbox/core';
import { imageDeduplicator } from '../src/deduplicators/image-deduplicator.ts';
import { imageAspectRatioFilter } from '../src/filters/image-aspect-ratio-filter.ts';
import { imageShapeFilter } from '../src/filters/image-shape-filter.ts';
import { imageSizeFilter } from '../src/filters/image-size-filter.ts';
import { mediaDir, runDedup, runFilter } from '../src/test-helpers/run-op.ts';

const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const names = readdirSync(mediaDir).filter((n) => /\.(jpe?g|png)$/.test(n));
const samples: Sample[] = Array.from({ length: rounds }, () => names.map((n) => ({ text: n, images: [n] }))).flat();

async function rate(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return Math.round((samples.length / (performance.now() - start)) * 1000 * 10) / 10;
}

const images_per_second: Record<string, number> = {
  image_size_filter: await rate(() => runFilter(imageSizeFilter, samples)),
  image_aspect_ratio_filter: await rate(() => runFilter(imageAspectRatioFilter, samples)),
  image_shape_filter: await rate(() => runFilter(imageShapeFilter, samples)),
};
for (const method of ['phash', 'dhash', 'ahash', 'whash']) {
  images_per_second[`image_deduplicator(${method})`] = await rate(() =>
    runDedup(imageDeduplicator, samples, { method }),
  );
}
console.log(JSON.stringify({ images: samples.length, images_per_second }, null, 2));
