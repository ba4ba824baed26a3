import { stat } from 'node:fs/promises';
import { jobError } from '@dj-sandbox/core';
import { makeRangeTest } from '@dj-sandbox/media';
import { z } from 'zod';
import { anyOrAll, filterParams } from '../common/params.ts';
import { defineImageFilter } from './define-image-filter.ts';
import { sizeToBytes } from './size-to-bytes.ts';

/** `image_size_filter`: keeps samples whose image file sizes are within `[min_size, max_size]`. */
export const imageSizeFilter = defineImageFilter({
  name: 'image_size_filter',
  description: 'Keeps samples whose image file sizes (bytes; "150KB", "1MB") are within [min_size, max_size].',
  params: filterParams({
    min_size: z.string().default('0').describe('Minimum image file size ("0", "150KB", "1MB"; 1KB = 1024 bytes).'),
    max_size: z.string().default('1TB').describe('Maximum image file size.'),
    any_or_all: anyOrAll,
  }),
  statsKeys: ['image_sizes'],
  async compute(images) {
    const sizes = await Promise.all(
      images.map(async (image) => {
        if (image.bytes) return image.bytes.length;
        try {
          return (await stat(image.path)).size;
        } catch (error) {
          throw jobError('op-image-missing', `image_size_filter: cannot stat ${image.path}`, {
            plugin: 'ops-image',
            expected: 'an existing image file',
            received: (error as Error).message,
            fix: 'fix the path, or drop samples with missing images first',
          });
        }
      }),
    );
    return [sizes];
  },
  imageTest(p) {
    const inRange = makeRangeTest(sizeToBytes(p.min_size, 'min_size'), sizeToBytes(p.max_size, 'max_size'), p);
    return ([size]) => inRange(size!);
  },
});
