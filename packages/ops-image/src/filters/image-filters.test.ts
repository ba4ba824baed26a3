import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { runFilter } from '../test-helpers/run-op.ts';
import { imageShapeFilter } from './image-shape-filter.ts';
import { imageSizeFilter } from './image-size-filter.ts';
import { sizeToBytes } from './size-to-bytes.ts';

describe('image filters', () => {
  it('read sizes as Data-Juicer does: binary units, case-insensitive, and every digit of the string', () => {
    expect(sizeToBytes('0', 'min_size')).toBe(0);
    expect(sizeToBytes('150kb', 'min_size')).toBe(150 * 1024);
    expect(sizeToBytes('2MiB', 'min_size')).toBe(2 * 1024 ** 2);
    expect(sizeToBytes('1TB', 'max_size')).toBe(1024 ** 4);
    // Data-Juicer joins the digits of "1.5MB" into 15 (its size_to_bytes drops the dot): kept for equal results.
    expect(sizeToBytes('1.5MB', 'min_size')).toBe(15 * 1024 ** 2);
  });

  it('names an unknown size unit and the units it knows', () => {
    expect(() => sizeToBytes('10 parsecs', 'max_size')).toThrow(/unidentifiable unit parsecs in max_size.*KB, MB/s);
  });

  it('report width and height after the EXIF orientation, as Data-Juicer decodes images', async () => {
    const rotated = await sharp({ create: { width: 40, height: 20, channels: 3, background: '#808080' } })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const out = await runFilter(
      imageShapeFilter,
      [{ text: '', images: ['rotated.jpg'], image_bytes: [new Uint8Array(rotated)] }],
      {},
    );
    expect(out.stats[0]).toEqual({ image_width: [20], image_height: [40] });
  });

  it('keeps a sample without images and gives it empty stats', async () => {
    const out = await runFilter(imageSizeFilter, [{ text: 'no image', images: [] }], { min_size: '1MB' });
    expect(out).toEqual({ stats: [{ image_sizes: [] }], kept: [0] });
  });
});
