import type { HashRecord } from '@dj-sandbox/core';

/** Turns per-record keep flags (record order) into the predicate over dataset indices the runtime asks for. */
export function keepPredicate(records: readonly HashRecord[], keep: Uint8Array): (index: number) => boolean {
  let max = -1;
  for (const r of records) if (r.index > max) max = r.index;
  const byIndex = new Uint8Array(max + 1);
  for (let i = 0; i < records.length; i++) if (keep[i] === 1) byIndex[(records[i] as HashRecord).index] = 1;
  return (index) => byIndex[index] === 1;
}
