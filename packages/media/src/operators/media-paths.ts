import { isAbsolute, join, resolve } from 'node:path';
import { jobError, type Sample } from '@dj-sandbox/core';

/**
 * The media paths of a sample under `key` (`videos`, `audios`): a missing or null field is no media; anything but a
 * list of strings is a job error naming the op and the key.
 */
export function mediaListOf(sample: Sample, key: string, op: string, plugin: string): string[] {
  const value = sample[key];
  if (value === undefined || value === null) return [];
  if (Array.isArray(value) && value.every((p) => typeof p === 'string')) return value as string[];
  throw jobError('media-list-invalid', `${op}: the sample's '${key}' is not a list of paths`, {
    plugin,
    path: key,
    expected: 'a list of file paths',
    received: JSON.stringify(value)?.slice(0, 80),
    fix: `set ${key === 'audios' ? 'audio_key' : 'video_key'} of ${op} to the field that lists the files`,
  });
}

/**
 * Where a media path points: absolute paths stay; relative ones are resolved against the dataset's folder (the data
 * engine does this when it loads a dataset, so this matters only for samples built elsewhere), else the working
 * directory.
 */
export function resolveMediaPath(path: string, datasetDir?: string): string {
  if (isAbsolute(path) || path.includes('://')) return path;
  return datasetDir ? join(datasetDir, path) : resolve(path);
}

/** Maps `items` through `fn` with at most `limit` calls in flight, keeping the input order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
