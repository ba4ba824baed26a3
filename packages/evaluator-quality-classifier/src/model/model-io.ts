import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TermHash } from '../features/hashing-tf.ts';
import type { ModelInfo, QualityModel, TokenizerName } from './quality-model.ts';

/** The `format` tag of `model.json`. */
export const MODEL_FORMAT = 'dj-sandbox-quality-classifier';

/**
 * `model.json`: everything but the coefficients, which are little-endian binary files next to it:
 * - `layout: dense`: `weights.f32` holds `numFeatures` float32 values;
 * - `layout: sparse`: `weights.f32` holds `nonZero` float32 values and `indices.u32` their ascending uint32 indices
 *   (every other coefficient is 0).
 */
export interface ModelFile extends ModelInfo {
  format: typeof MODEL_FORMAT;
  version: 1;
  tokenizer: TokenizerName;
  hash: TermHash;
  hashSeed: 42;
  numFeatures: number;
  intercept: number;
  weights: { layout: 'dense' | 'sparse'; file: 'weights.f32'; indices?: 'indices.u32'; nonZero: number };
}

function littleEndianBytes(array: Float32Array | Uint32Array): Uint8Array {
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}

/**
 * Writes a model directory. `sparse` stores only the coefficients whose magnitude is at least `minAbsWeight`
 * (default: every non-zero one), which keeps shipped models small.
 */
export async function saveModel(
  dir: string,
  model: QualityModel,
  options: { layout?: 'dense' | 'sparse'; minAbsWeight?: number } = {},
): Promise<ModelFile> {
  const layout = options.layout ?? 'dense';
  await mkdir(dir, { recursive: true });
  let nonZero = 0;
  if (layout === 'dense') {
    const weights = Float32Array.from(model.weights);
    nonZero = weights.reduce((n, w) => (w !== 0 ? n + 1 : n), 0);
    await writeFile(join(dir, 'weights.f32'), littleEndianBytes(weights));
  } else {
    const min = options.minAbsWeight ?? Number.MIN_VALUE;
    const indices: number[] = [];
    model.weights.forEach((w, i) => {
      if (Math.abs(w) >= min) indices.push(i);
    });
    nonZero = indices.length;
    await writeFile(join(dir, 'indices.u32'), littleEndianBytes(Uint32Array.from(indices)));
    await writeFile(join(dir, 'weights.f32'), littleEndianBytes(Float32Array.from(indices, (i) => model.weights[i]!)));
  }
  const file: ModelFile = {
    format: MODEL_FORMAT,
    version: 1,
    tokenizer: model.tokenizer,
    hash: model.hash,
    hashSeed: 42,
    numFeatures: model.numFeatures,
    intercept: model.intercept,
    weights: {
      layout,
      file: 'weights.f32',
      ...(layout === 'sparse' ? { indices: 'indices.u32' as const } : {}),
      nonZero,
    },
    ...model.info,
  };
  await writeFile(join(dir, 'model.json'), `${JSON.stringify(file, null, 2)}\n`);
  return file;
}

function view<T>(bytes: Buffer, Type: { new (b: ArrayBuffer): T }): T {
  // Copy into a fresh, aligned buffer: a Buffer may sit at any offset of a shared pool.
  return new Type(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
}

/** Reads a model directory written by {@link saveModel}. Throws a plain Error naming the problem. */
export async function loadModel(dir: string): Promise<QualityModel> {
  const file = JSON.parse(await readFile(join(dir, 'model.json'), 'utf8')) as ModelFile;
  if (file.format !== MODEL_FORMAT) throw new Error(`${join(dir, 'model.json')} is not a ${MODEL_FORMAT} model`);
  const values = view(await readFile(join(dir, file.weights.file)), Float32Array);
  let weights: Float32Array;
  if (file.weights.layout === 'dense') {
    if (values.length !== file.numFeatures)
      throw new Error(`${file.weights.file} holds ${values.length} weights, expected ${file.numFeatures}`);
    weights = values;
  } else {
    const indices = view(await readFile(join(dir, file.weights.indices ?? 'indices.u32')), Uint32Array);
    if (indices.length !== values.length) throw new Error('indices.u32 and weights.f32 differ in length');
    weights = new Float32Array(file.numFeatures);
    indices.forEach((i, k) => {
      weights[i] = values[k]!;
    });
  }
  const { format, version, tokenizer, hash, hashSeed, numFeatures, intercept, weights: _w, ...info } = file;
  return { numFeatures, hash, tokenizer, intercept, weights, info };
}
