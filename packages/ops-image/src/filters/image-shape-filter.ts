import { makeRangeTest } from '@dj-sandbox/media';
import { z } from 'zod';
import { readImageSize } from '../common/load-image.ts';
import { anyOrAll, filterParams, MAXSIZE } from '../common/params.ts';
import { defineImageFilter } from './define-image-filter.ts';

const dimension = (value: number, description: string) => z.number().default(value).describe(description);

/** `image_shape_filter`: keeps samples whose image widths and heights are within their ranges. */
export const imageShapeFilter = defineImageFilter({
  name: 'image_shape_filter',
  description: 'Keeps samples whose image widths and heights (pixels, EXIF orientation applied) are within range.',
  params: filterParams({
    min_width: dimension(1, 'Minimum image width.'),
    max_width: dimension(MAXSIZE, 'Maximum image width.'),
    min_height: dimension(1, 'Minimum image height.'),
    max_height: dimension(MAXSIZE, 'Maximum image height.'),
    any_or_all: anyOrAll,
  }),
  statsKeys: ['image_width', 'image_height'],
  async compute(images) {
    const sizes = await Promise.all(images.map((i) => readImageSize(i.bytes ?? i.path, 'image_shape_filter')));
    return [sizes.map((s) => s.width), sizes.map((s) => s.height)];
  },
  imageTest(p) {
    const width = makeRangeTest(p.min_width, p.max_width, p);
    const height = makeRangeTest(p.min_height, p.max_height, p);
    return ([w, h]) => width(w!) && height(h!);
  },
});
