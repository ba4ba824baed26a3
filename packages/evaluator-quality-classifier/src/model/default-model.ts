import { fileURLToPath } from 'node:url';
import { loadModel } from './model-io.ts';
import type { QualityModel } from './quality-model.ts';

/** The directory of the model shipped with this package (same relative place from `src/` and `dist/`). */
export const DEFAULT_MODEL_DIR = fileURLToPath(new URL('../../models/default/', import.meta.url));

let cached: Promise<QualityModel> | undefined;

/** Loads the shipped default model once per process. */
export function loadDefaultModel(): Promise<QualityModel> {
  cached ??= loadModel(DEFAULT_MODEL_DIR);
  return cached;
}
