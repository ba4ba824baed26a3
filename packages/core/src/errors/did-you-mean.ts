/** Levenshtein edit distance. */
export function editDistance(a: string, b: string): number {
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

/** The candidate closest to `name` (case-insensitive edit distance), if it is close enough to be a likely typo. */
export function closestMatch(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const d = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}

/** ` Did you mean "x"?` or an empty string. */
export function didYouMean(name: string, candidates: Iterable<string>): string {
  const match = closestMatch(name, candidates);
  return match ? ` Did you mean ${JSON.stringify(match)}?` : '';
}

/**
 * Up to `limit` candidates close to `name`, closest first: within an edit distance of a third of its length, or
 * containing its distinctive part (`stem(name)`, e.g. an operator name without its `_filter` suffix).
 */
export function closeMatches(
  name: string,
  candidates: Iterable<string>,
  options: { limit?: number; stem?: (lowerName: string) => string } = {},
): string[] {
  const lower = name.toLowerCase();
  const stem = options.stem?.(lower) ?? lower;
  const maxDistance = Math.max(2, Math.floor(name.length / 3));
  const scored: Array<[string, number]> = [];
  for (const candidate of candidates) {
    const c = candidate.toLowerCase();
    const d = editDistance(lower, c);
    if (d <= maxDistance) scored.push([candidate, d]);
    else if (stem !== lower && stem.length >= 4 && c.includes(stem)) scored.push([candidate, maxDistance + 1]);
  }
  scored.sort((x, y) => x[1] - y[1] || x[0].localeCompare(y[0]));
  return scored.slice(0, options.limit ?? 3).map(([c]) => c);
}
