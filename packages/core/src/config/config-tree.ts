/**
 * The config-tree semantics of the reference (docs/config.md#config-trees), which follow from jsonargparse Namespaces:
 * dotted keys expand into nested mappings, iteration yields flattened leaves, and lookups distinguish a missing
 * key from a key that is present with `null`.
 */

/** A plain JSON-like mapping. */
export type ConfigTree = { [key: string]: unknown };

/** True for a plain object (not an array, not null). */
export function isMapping(value: unknown): value is ConfigTree {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Returns a deep copy of `value` in which every mapping key containing dots is expanded into nested mappings
 * (`{'a.b': 1}` → `{a: {b: 1}}`), also inside lists. Later keys merge into earlier ones leaf by leaf.
 */
export function expandDottedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(expandDottedKeys);
  if (!isMapping(value)) return value;
  const out: ConfigTree = {};
  for (const [key, raw] of Object.entries(value)) {
    const child = expandDottedKeys(raw);
    const parts = key.split('.');
    if (parts.length === 1 || parts.some((p) => p === '')) {
      mergeInto(out, key, child);
      continue;
    }
    let node = out;
    for (const part of parts.slice(0, -1)) {
      if (!isMapping(node[part])) node[part] = {};
      node = node[part] as ConfigTree;
    }
    mergeInto(node, parts[parts.length - 1]!, child);
  }
  return out;
}

function mergeInto(target: ConfigTree, key: string, value: unknown): void {
  const existing = target[key];
  if (isMapping(existing) && isMapping(value)) {
    for (const [k, v] of Object.entries(value)) mergeInto(existing, k, v);
  } else {
    target[key] = value;
  }
}

/** Yields `[dottedKey, leafValue]` for every leaf; lists are leaves and sub-mappings are never yielded. */
export function* flattenLeaves(tree: ConfigTree, prefix = ''): Generator<[string, unknown]> {
  for (const [key, value] of Object.entries(tree)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (isMapping(value) && Object.keys(value).length > 0) yield* flattenLeaves(value, full);
    else yield [full, value];
  }
}

/**
 * Data-Juicer's `nested_query`: at each level, tries the longest remaining dotted key first, then descends one
 * segment at a time. Returns `undefined` when nothing matches.
 */
export function nestedQuery(root: unknown, key: string): unknown {
  if (!isMapping(root)) return undefined;
  const parts = key.split('.');
  for (let cut = parts.length; cut >= 1; cut--) {
    const head = parts.slice(0, cut).join('.');
    if (!Object.hasOwn(root, head)) continue;
    if (cut === parts.length) return root[head];
    const found = nestedQuery(root[head], parts.slice(cut).join('.'));
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Deep structural equality for JSON-like values. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((v, i) => deepEqual(v, b[i]));
  if (isMapping(a) && isMapping(b)) {
    const ka = Object.keys(a);
    if (ka.length !== Object.keys(b).length) return false;
    return ka.every((k) => Object.hasOwn(b, k) && deepEqual(a[k], b[k]));
  }
  return Number.isNaN(a) && Number.isNaN(b);
}

/** A deep copy of a JSON-like value (structuredClone keeps Dates and typed arrays as they are). */
export function deepCopy<T>(value: T): T {
  return structuredClone(value);
}
