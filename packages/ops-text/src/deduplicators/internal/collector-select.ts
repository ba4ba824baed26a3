import type { HashCollector, HashRecord } from '@dj-sandbox/core';
import { keepPredicate } from './keep-predicate.ts';

/** `selectUnique(records)` through a deduplicator's packed collector, for callers that hold records. */
export async function selectThroughCollector(
  collector: HashCollector,
  records: readonly HashRecord[],
): Promise<(index: number) => boolean> {
  for (const record of records) collector.add(record.hashes);
  return keepPredicate(records, await collector.finish());
}
