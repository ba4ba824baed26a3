// Whether two runs agree: the same kept texts in the same order, and the same stats (numbers within 1e-9
// relative: Data-Juicer writes at most 10 decimals, see the README's differences).
import { existsSync } from 'node:fs';
import { readRows } from './measure.ts';

function close(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number')
    return a === b || Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => close(x, b[i]));
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a).sort();
    const kb = Object.keys(b).sort();
    return (
      ka.length === kb.length &&
      ka.every((k, i) => k === kb[i] && close((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
    );
  }
  return a === b;
}

/** Compares two exports (and their `_stats.jsonl` files when either has one). */
export function agreement(
  ours: { exportPath: string; statsPath: string },
  theirs: { exportPath: string; statsPath: string },
  withDataset: boolean,
): { keptRows: [number, number] | null; keptSamples: boolean | null; stats: boolean | null } {
  let keptRows: [number, number] | null = null;
  let keptSamples: boolean | null = null;
  if (withDataset) {
    const a = existsSync(ours.exportPath) ? readRows(ours.exportPath).map((r) => r.text) : [];
    const b = existsSync(theirs.exportPath) ? readRows(theirs.exportPath).map((r) => r.text) : [];
    keptRows = [a.length, b.length];
    keptSamples = a.length === b.length && a.every((t, i) => t === b[i]);
  }
  let stats: boolean | null = null;
  if (existsSync(ours.statsPath) || existsSync(theirs.statsPath)) {
    const a = existsSync(ours.statsPath) ? readRows(ours.statsPath) : [];
    const b = existsSync(theirs.statsPath) ? readRows(theirs.statsPath) : [];
    stats = a.length === b.length && a.every((r, i) => close(r.__dj__stats__ ?? {}, b[i]!.__dj__stats__ ?? {}));
  }
  return { keptRows, keptSamples, stats };
}
