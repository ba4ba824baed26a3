import { readFileSync } from 'node:fs';
import { jobError } from '@dj-sandbox/core';
import { type Matrix, matrix } from './metrics/matrix.ts';

/**
 * Reads a feature file the extractor wrote: `<prefix>.json` (`{"rows": n, "cols": d}`) and `<prefix>.f32`, the rows
 * as little-endian float32.
 */
export function readFeatures(prefix: string): Matrix {
  const header = JSON.parse(readFileSync(`${prefix}.json`, 'utf8')) as { rows: number; cols: number };
  const bytes = readFileSync(`${prefix}.f32`);
  if (bytes.length !== header.rows * header.cols * 4) {
    throw jobError('inception-features-size', `feature file ${prefix}.f32 does not match its header`, {
      plugin: 'evaluator-inception',
      expected: `${header.rows} × ${header.cols} float32 values`,
      received: `${bytes.length} bytes`,
      fix: 'delete the feature files and run again',
    });
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  const data = new Float64Array(header.rows * header.cols);
  for (let i = 0; i < data.length; i++) data[i] = view.getFloat32(i * 4, true);
  return matrix(header.rows, header.cols, data);
}
