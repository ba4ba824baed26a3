import { isAbsolute, join } from 'node:path';
import { jobError, nestedQuery, type Sample } from '@dj-sandbox/core';

/** The key of the per-sample stats dict. */
export const STATS_KEY = '__dj__stats__';

/** A sample's `__dj__stats__` dict, created when absent. */
export function statsOf(sample: Sample): Record<string, unknown> {
  let stats = sample[STATS_KEY];
  if (stats === null || typeof stats !== 'object') {
    stats = {};
    sample[STATS_KEY] = stats;
  }
  return stats as Record<string, unknown>;
}

/**
 * The image paths of a sample at `imageKey` (a dotted path reaches nested fields). The data engine already made
 * relative paths absolute against the dataset's folder when it loaded the dataset; a path that is still relative
 * (a sample handed to the op directly) resolves against `datasetDir` when there is one.
 */
export function imagePathsOf(sample: Sample, imageKey: string, op: string, datasetDir?: string): string[] {
  const value = nestedQuery(sample, imageKey);
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || !value.every((p) => typeof p === 'string')) {
    throw jobError('op-images-invalid', `${op}: the sample's '${imageKey}' is not a list of image paths`, {
      plugin: 'ops-image',
      path: imageKey,
      expected: 'a list of image paths',
      received: JSON.stringify(value)?.slice(0, 80),
      fix: `set image_key of ${op} to the field that holds the image paths`,
    });
  }
  return (value as string[]).map((p) => (datasetDir && !isAbsolute(p) && !p.includes('://') ? join(datasetDir, p) : p));
}

/** The encoded images at `imageBytesKey` when the sample holds one per image path (Data-Juicer's rule). */
export function imageBytesOf(sample: Sample, imageBytesKey: string, count: number): Uint8Array[] | undefined {
  const value = nestedQuery(sample, imageBytesKey);
  if (!Array.isArray(value) || value.length !== count || count === 0) return undefined;
  return value.every((b) => b instanceof Uint8Array) ? (value as Uint8Array[]) : undefined;
}
