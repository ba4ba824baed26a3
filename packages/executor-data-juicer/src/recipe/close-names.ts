import { closeMatches } from '@dj-sandbox/core';

/**
 * Up to `limit` operator names close to `name`: within an edit distance of a third of its length, or sharing its
 * distinctive part (the name without its `_filter` / `_mapper` suffix), closest first.
 */
export function closeNames(name: string, candidates: Iterable<string>, limit = 3): string[] {
  return closeMatches(name, candidates, {
    limit,
    stem: (n) => n.replace(/_(filter|mapper|deduplicator|selector)$/, ''),
  });
}
