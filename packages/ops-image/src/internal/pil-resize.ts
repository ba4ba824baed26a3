/**
 * Pillow's `Image.resize(size, Image.LANCZOS)` for 8-bit RGB images, bit for bit: the same filter (Lanczos-3),
 * coefficient windows, 22-bit fixed-point coefficients, rounding and clipping as Pillow's `Resample.c`, with the
 * horizontal pass first and the vertical pass second. imagededup resizes with it before hashing, so the hashes
 * only match Data-Juicer's when the resize matches exactly.
 */
import type { RgbImage } from '../common/load-image.ts';

const PRECISION_BITS = 32 - 8 - 2;
const HALF = 1 << (PRECISION_BITS - 1);
const LANCZOS_SUPPORT = 3;

function sinc(x: number): number {
  if (x === 0) return 1;
  const px = x * Math.PI;
  return Math.sin(px) / px;
}

function lanczos(x: number): number {
  return x >= -3 && x < 3 ? sinc(x) * sinc(x / 3) : 0;
}

interface Coefficients {
  /** Per output position: first input index and number of inputs. */
  readonly bounds: Int32Array;
  /** Per output position, `ksize` fixed-point weights. */
  readonly weights: Int32Array;
  readonly ksize: number;
}

/** Pillow's `precompute_coeffs` followed by `normalize_coeffs_8bpc`. */
function precompute(inSize: number, outSize: number): Coefficients {
  const scale = inSize / outSize;
  const filterScale = Math.max(scale, 1);
  const support = LANCZOS_SUPPORT * filterScale;
  const ksize = Math.ceil(support) * 2 + 1;
  const bounds = new Int32Array(outSize * 2);
  const weights = new Int32Array(outSize * ksize);
  const k = new Float64Array(ksize);
  for (let xx = 0; xx < outSize; xx++) {
    const center = (xx + 0.5) * scale;
    const ss = 1 / filterScale;
    const xmin = Math.max(0, Math.trunc(center - support + 0.5));
    const xmax = Math.min(inSize, Math.trunc(center + support + 0.5)) - xmin;
    let ww = 0;
    for (let x = 0; x < xmax; x++) {
      const w = lanczos((x + xmin - center + 0.5) * ss);
      k[x] = w;
      ww += w;
    }
    for (let x = 0; x < ksize; x++) {
      const w = x < xmax ? (ww !== 0 ? k[x]! / ww : k[x]!) : 0;
      weights[xx * ksize + x] =
        w < 0 ? Math.trunc(-0.5 + w * (1 << PRECISION_BITS)) : Math.trunc(0.5 + w * (1 << PRECISION_BITS));
    }
    bounds[xx * 2] = xmin;
    bounds[xx * 2 + 1] = xmax;
  }
  return { bounds, weights, ksize };
}

function clip8(value: number): number {
  const v = value >> PRECISION_BITS;
  return Math.min(255, Math.max(0, v));
}

/** Resizes RGB pixels to `width` × `height` exactly as Pillow's LANCZOS resize does. */
export function pilResizeLanczos(image: RgbImage, width: number, height: number): RgbImage {
  let current = image;
  const horizontal = precompute(image.width, width);
  const vertical = precompute(image.height, height);
  const needHorizontal = width !== image.width;
  const needVertical = height !== image.height;
  if (needHorizontal) {
    // Only the rows the vertical pass reads, as Pillow does (same values, less work).
    const first = needVertical ? vertical.bounds[0]! : 0;
    const last = needVertical ? vertical.bounds[height * 2 - 2]! + vertical.bounds[height * 2 - 1]! : image.height;
    const rows = last - first;
    const out = new Uint8Array(width * rows * 3);
    const { bounds, weights, ksize } = horizontal;
    for (let yy = 0; yy < rows; yy++) {
      const rowBase = (yy + first) * image.width * 3;
      for (let xx = 0; xx < width; xx++) {
        const xmin = bounds[xx * 2]!;
        const xmax = bounds[xx * 2 + 1]!;
        let s0 = HALF;
        let s1 = HALF;
        let s2 = HALF;
        for (let x = 0; x < xmax; x++) {
          const w = weights[xx * ksize + x]!;
          const p = rowBase + (x + xmin) * 3;
          s0 += image.data[p]! * w;
          s1 += image.data[p + 1]! * w;
          s2 += image.data[p + 2]! * w;
        }
        const o = (yy * width + xx) * 3;
        out[o] = clip8(s0);
        out[o + 1] = clip8(s1);
        out[o + 2] = clip8(s2);
      }
    }
    current = { width, height: rows, data: out };
    if (needVertical) {
      for (let i = 0; i < height; i++) vertical.bounds[i * 2]! -= first;
    }
  }
  if (needVertical) {
    const out = new Uint8Array(width * height * 3);
    const { bounds, weights, ksize } = vertical;
    const src = current.data;
    for (let yy = 0; yy < height; yy++) {
      const ymin = bounds[yy * 2]!;
      const ymax = bounds[yy * 2 + 1]!;
      for (let xx = 0; xx < width; xx++) {
        let s0 = HALF;
        let s1 = HALF;
        let s2 = HALF;
        for (let y = 0; y < ymax; y++) {
          const w = weights[yy * ksize + y]!;
          const p = ((y + ymin) * width + xx) * 3;
          s0 += src[p]! * w;
          s1 += src[p + 1]! * w;
          s2 += src[p + 2]! * w;
        }
        const o = (yy * width + xx) * 3;
        out[o] = clip8(s0);
        out[o + 1] = clip8(s1);
        out[o + 2] = clip8(s2);
      }
    }
    current = { width, height, data: out };
  }
  return current;
}

/** Pillow's `convert('L')` of RGB pixels: ITU-R 601-2 luma in 16-bit fixed point, rounded. */
export function pilGrayscale(image: RgbImage): Uint8Array {
  const out = new Uint8Array(image.width * image.height);
  for (let i = 0, p = 0; i < out.length; i++, p += 3) {
    out[i] = (image.data[p]! * 19595 + image.data[p + 1]! * 38470 + image.data[p + 2]! * 7471 + 0x8000) >> 16;
  }
  return out;
}
