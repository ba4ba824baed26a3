import { jobError } from '@dj-sandbox/core';
import sharp from 'sharp';

/** An image's size after EXIF orientation, as PIL reports it once Data-Juicer's loader transposed it. */
export interface ImageSize {
  readonly width: number;
  readonly height: number;
}

/** Decoded 8-bit RGB pixels, row-major, 3 bytes per pixel. */
export interface RgbImage extends ImageSize {
  readonly data: Uint8Array;
}

function loadError(op: string, source: string | Uint8Array, error: unknown) {
  const name = typeof source === 'string' ? source : `<${source.length} bytes>`;
  return jobError('op-image-unreadable', `${op}: cannot read image ${name}: ${(error as Error).message}`, {
    plugin: 'ops-image',
    expected: 'a readable image file (JPEG, PNG, WebP, GIF, TIFF, ...)',
    received: name,
    fix: 'fix or remove the sample, or drop unreadable images before this op',
  });
}

/**
 * The oriented size of an image from its header alone (no pixel decode). Data-Juicer decodes with HF datasets'
 * `Image`, which applies the EXIF orientation, so orientations 5-8 swap width and height.
 */
export async function readImageSize(source: string | Uint8Array, op: string): Promise<ImageSize> {
  try {
    const meta = await sharp(source).metadata();
    return { width: meta.autoOrient.width, height: meta.autoOrient.height };
  } catch (error) {
    throw loadError(op, source, error);
  }
}

/**
 * Decodes an image to RGB as Data-Juicer's `load_image` does: EXIF orientation applied, converted to RGB with the
 * alpha channel dropped (PIL's `convert('RGB')` does not composite), and no colour management (PIL ignores the
 * embedded ICC profile, so sharp must too).
 */
export async function readRgb(source: string | Uint8Array, op: string): Promise<RgbImage> {
  try {
    const { data, info } = await sharp(source, { autoOrient: true, ignoreIcc: true })
      .removeAlpha()
      .toColourspace('srgb')
      .raw()
      .toBuffer({ resolveWithObject: true });
    if (info.channels !== 3) throw new Error(`decoded to ${info.channels} channels`);
    return { width: info.width, height: info.height, data: new Uint8Array(data.buffer, data.byteOffset, data.length) };
  } catch (error) {
    throw loadError(op, source, error);
  }
}
