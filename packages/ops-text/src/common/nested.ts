/**
 * Data-Juicer's nested key lookup (docs/recipes.md#sample-fields-and-nested-keys): the full dotted string as a flat key
 * first, then level by level; a missing key yields `undefined`.
 */
export function getNested(obj: unknown, dottedKey: string): unknown {
  if (obj === null || typeof obj !== 'object') return undefined;
  const record = obj as Record<string, unknown>;
  if (dottedKey in record) return record[dottedKey];
  if (!dottedKey.includes('.')) return undefined;
  let current: unknown = record;
  for (const part of dottedKey.split('.')) {
    if (current === null || typeof current !== 'object' || !(part in (current as object))) return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}
