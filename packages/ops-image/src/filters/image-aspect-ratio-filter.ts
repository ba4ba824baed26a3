import { makeRangeTest } from '@dj-sandbox/media';
import { z } from 'zod';
import { readImageSize } from '../common/load-image.ts';
import { anyOrAll, filterParams } from '../common/params.ts';
import { defineImageFilter } from './define-image-filter.ts';

/** `image_aspect_ratio_filter`: keeps samples whose images' width / height is within `[min_ratio, max_ratio]`. */
export const imageAspectRatioFilter = defineImageFilter({
  name: 'image_aspect_ratio_filter',
  description: 'Keeps samples whose image aspect ratios (width / height) are within [min_ratio, max_ratio].',
  params: filterParams({
    min_ratio: z.number().default(0.333).describe('Minimum aspect ratio (W / H).'),
    max_ratio: z.number().default(3.0).describe('Maximum aspect ratio (W / H).'),
    any_or_all: anyOrAll,
  }),
  statsKeys: ['aspect_ratios'],
  async compute(images) {
    const sizes = await Promise.all(images.map((i) => readImageSize(i.bytes ?? i.path, 'image_aspect_ratio_filter')));
    return [sizes.map((s) => s.width / s.height)];
  },
  imageTest(p) {
    const inRange = makeRangeTest(p.min_ratio, p.max_ratio, p);
    return ([ratio]) => inRange(ratio!);
  },
});
