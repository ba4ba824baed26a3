function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = a[i - 1] === b[j - 1] ? prev : 1 + Math.min(prev, row[j]!, row[j - 1]!);
      prev = current;
    }
  }
  return row[b.length]!;
}

/**
 * Up to `limit` candidates close to `name`: within an edit distance of a third of its length, or sharing its
 * distinctive part (the name without its `_filter` / `_mapper` suffix), closest first.
 */
export function closeNames(name: string, candidates: Iterable<string>, limit = 3): string[] {
  const lower = name.toLowerCase();
  const stem = lower.replace(/_(filter|mapper|deduplicator|selector)$/, '');
  const maxDistance = Math.max(2, Math.floor(name.length / 3));
  const scored: Array<[string, number]> = [];
  for (const candidate of candidates) {
    const c = candidate.toLowerCase();
    const d = editDistance(lower, c);
    if (d <= maxDistance) scored.push([candidate, d]);
    else if (stem.length >= 4 && c.includes(stem)) scored.push([candidate, maxDistance + 1]);
  }
  scored.sort((x, y) => x[1] - y[1] || x[0].localeCompare(y[0]));
  return scored.slice(0, limit).map(([c]) => c);
}
