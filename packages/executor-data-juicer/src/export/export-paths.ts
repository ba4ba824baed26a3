import { basename, dirname, join } from 'node:path';

/** `<stem>_stats.jsonl` next to the export (docs/recipes.md#export): `out/x.jsonl` → `out/x_stats.jsonl`. */
export function statsPathOf(exportPath: string): string {
  const base = basename(exportPath);
  const dot = base.lastIndexOf('.');
  const stem = dot > 0 ? base.slice(0, dot) : base;
  return join(dirname(exportPath), `${stem}_stats.jsonl`);
}

/**
 * Shard file names (docs/recipes.md#export): `<dir>/<basename before its first dot>-<i>-of-<k>.<suffix>`, numbers
 * zero-padded to `len(str(k)) + 1` digits: k = 3 → `demo-00-of-03.jsonl`.
 */
export function shardPaths(exportPath: string, shards: number, suffix: string): string[] {
  const base = basename(exportPath);
  const stem = base.includes('.') ? base.slice(0, base.indexOf('.')) : base;
  const width = String(shards).length + 1;
  const pad = (n: number): string => String(n).padStart(width, '0');
  return Array.from({ length: shards }, (_, i) =>
    join(dirname(exportPath), `${stem}-${pad(i)}-of-${pad(shards)}.${suffix}`),
  );
}

/** Shard count and per-shard row counts: `min(floor(bytes/shardSize)+1, N)` contiguous near-equal shards. */
export function shardLayout(rows: number, bytes: number, shardSize: number): number[] {
  const k = Math.max(1, Math.min(Math.floor(bytes / shardSize) + 1, rows));
  const base = Math.floor(rows / k);
  const extra = rows % k;
  return Array.from({ length: k }, (_, i) => base + (i < extra ? 1 : 0));
}
