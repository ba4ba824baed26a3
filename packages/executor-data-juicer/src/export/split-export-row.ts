import type { Sample } from '@dj-sandbox/core';
import { setField } from './row-schema.ts';

/** Where a sample's stats live (`__dj__stats__`), as Data-Juicer names it. */
export const STATS_KEY = '__dj__stats__';
/** Where a sample's meta (tags) live (`__dj__meta__`). */
export const META_KEY = '__dj__meta__';

/** A sample split for export: its dataset row and its stats row. */
export interface ExportRowParts {
  readonly row: Sample;
  readonly statsRow: Sample;
  /** Whether the sample had stats or meta at all. */
  readonly hasStats: boolean;
}

/**
 * Splits one sample into the dataset row (without the `drop` columns) and the stats row, as the exporter writes
 * them. Returns undefined for a sample with no reserved `__dj__` field: it is exported as it is, with an empty stats
 * row. Shared by the exporter (parsed samples) and the workers (raw batches), so both write the same bytes.
 */
export function splitExportRow(sample: Sample, drop: ReadonlySet<string>): ExportRowParts | undefined {
  let reserved = false;
  for (const key in sample) {
    // 95 is '_': a cheap first test before startsWith on every key.
    if (key.charCodeAt(0) === 95 && key.startsWith('__dj__')) {
      reserved = true;
      break;
    }
  }
  if (!reserved) return undefined;
  const row: Sample = {};
  const statsRow: Sample = {};
  let hasStats = false;
  for (const key in sample) {
    if (key === STATS_KEY || key === META_KEY) {
      statsRow[key] = sample[key];
      hasStats = true;
    }
    if (!drop.has(key)) setField(row, key, sample[key]);
  }
  return { row, statsRow, hasStats };
}
