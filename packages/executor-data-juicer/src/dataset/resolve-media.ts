import { isAbsolute, join } from 'node:path';
import type { Sample } from '@dj-sandbox/core';

// Its own module: worker threads call it on every row they parse, and importing it from load-dataset.ts made each
// worker load the CSV and Parquet readers too (~85 ms of its start-up).

/** Relative media entries become `join(datasetDir, p)` (docs/recipes.md#loading-files); URLs and absolute paths stay. */
export function resolveMedia(sample: Sample, keys: readonly string[], base: string): void {
  for (const key of keys) {
    const list = sample[key];
    if (!Array.isArray(list)) continue;
    let changed: unknown[] | undefined;
    for (let i = 0; i < list.length; i++) {
      const p = list[i];
      if (typeof p === 'string' && p && !isAbsolute(p) && !p.includes('://')) {
        changed ??= list.slice();
        changed[i] = join(base, p);
      }
    }
    if (changed) sample[key] = changed;
  }
}
