/**
 * imagededup 0.3's perceptual hashes (`PHash`, `DHash`, `AHash`, `WHash`) of an RGB image, as Data-Juicer's
 * `image_deduplicator` computes them: Pillow LANCZOS resize of the RGB image, `convert('L')`, then the hash
 * matrix packed row-major into bits and written as 16 hex digits.
 */
import type { RgbImage } from '../common/load-image.ts';
import { pilGrayscale, pilResizeLanczos } from './pil-resize.ts';

/** The hash methods Data-Juicer accepts. */
export type ImageHashMethod = 'phash' | 'dhash' | 'ahash' | 'whash';

/** numpy's `median` of a list: the middle value, or the mean of the two middle values. */
function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** `np.packbits` of 64 booleans, as 16 lower-case hex digits. */
function bitsToHex(bits: readonly boolean[]): string {
  let hex = '';
  for (let byte = 0; byte < bits.length / 8; byte++) {
    let v = 0;
    for (let b = 0; b < 8; b++) v = (v << 1) | (bits[byte * 8 + b] ? 1 : 0);
    hex += v.toString(16).padStart(2, '0');
  }
  return hex;
}

function grayAt(image: RgbImage, width: number, height: number): Uint8Array {
  return pilGrayscale(pilResizeLanczos(image, width, height));
}

/** scipy.fftpack `dct` type II (unnormalised) coefficients 0..`keep`-1 of a length-`n` signal. */
function dctRows(input: Float64Array, rows: number, cols: number, keep: number, alongRows: boolean): Float64Array {
  // alongRows: transform each column (axis 0); otherwise each row (axis 1).
  const n = alongRows ? rows : cols;
  const cos = new Float64Array(keep * n);
  for (let k = 0; k < keep; k++)
    for (let i = 0; i < n; i++) cos[k * n + i] = Math.cos((Math.PI * k * (2 * i + 1)) / (2 * n));
  const outRows = alongRows ? keep : rows;
  const outCols = alongRows ? cols : keep;
  const out = new Float64Array(outRows * outCols);
  for (let r = 0; r < outRows; r++) {
    for (let c = 0; c < outCols; c++) {
      let sum = 0;
      if (alongRows) for (let i = 0; i < n; i++) sum += input[i * cols + c]! * cos[r * n + i]!;
      else for (let i = 0; i < n; i++) sum += input[r * cols + i]! * cos[c * n + i]!;
      out[r * outCols + c] = 2 * sum;
    }
  }
  return out;
}

function phash(image: RgbImage): string {
  const gray = grayAt(image, 32, 32);
  const rowsDct = dctRows(Float64Array.from(gray), 32, 32, 8, true);
  const coef = dctRows(rowsDct, 8, 32, 8, false);
  const values = Array.from(coef);
  const m = median(values.slice(1));
  return bitsToHex(values.map((v) => v >= m));
}

function ahash(image: RgbImage): string {
  const gray = grayAt(image, 8, 8);
  let sum = 0;
  for (const v of gray) sum += v;
  const mean = sum / gray.length;
  return bitsToHex(Array.from(gray, (v) => v >= mean));
}

function dhash(image: RgbImage): string {
  const gray = grayAt(image, 9, 8);
  const bits: boolean[] = [];
  for (let r = 0; r < 8; r++) for (let c = 1; c < 9; c++) bits.push(gray[r * 9 + c]! > gray[r * 9 + c - 1]!);
  return bitsToHex(bits);
}

const HAAR = Math.SQRT1_2;

/** One level of pywt's Haar approximation along one axis: `h0 * x[2i+1] + h1 * x[2i]`, pywt's summation order. */
function haarApprox(data: Float64Array, rows: number, cols: number, axis: 0 | 1): Float64Array {
  const outRows = axis === 0 ? rows / 2 : rows;
  const outCols = axis === 1 ? cols / 2 : cols;
  const out = new Float64Array(outRows * outCols);
  for (let r = 0; r < outRows; r++) {
    for (let c = 0; c < outCols; c++) {
      const [a, b] =
        axis === 0
          ? [data[(2 * r + 1) * cols + c]!, data[2 * r * cols + c]!]
          : [data[r * cols + 2 * c + 1]!, data[r * cols + 2 * c]!];
      let sum = 0;
      sum += HAAR * a;
      sum += HAAR * b;
      out[r * outCols + c] = sum;
    }
  }
  return out;
}

function whash(image: RgbImage): string {
  const gray = grayAt(image, 256, 256);
  let data: Float64Array = Float64Array.from(gray, (v) => v / 255);
  let size = 256;
  for (let level = 0; level < 5; level++) {
    data = haarApprox(data, size, size, 0);
    data = haarApprox(data, size / 2, size, 1);
    size /= 2;
  }
  const values = Array.from(data);
  const m = median(values);
  return bitsToHex(values.map((v) => v >= m));
}

/** The imagededup hash of one decoded image with the given method. */
export function imageHash(image: RgbImage, method: ImageHashMethod): string {
  switch (method) {
    case 'phash':
      return phash(image);
    case 'ahash':
      return ahash(image);
    case 'dhash':
      return dhash(image);
    case 'whash':
      return whash(image);
  }
}
