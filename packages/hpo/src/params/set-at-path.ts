import { type ConfigTree, describeValue, isMapping } from '@dj-sandbox/core';

/** Why a path could not be followed: the segment it stopped at and what was there. */
export interface PathMiss {
  at: string;
  reason: string;
}

/**
 * Sets `value` at `path` inside `root` (mutating it). Numeric segments index lists; the last segment of a mapping
 * may be a new key (a recipe seldom writes the parameters it leaves at their defaults), but every segment before
 * it must exist, except that a `null` mapping value (`- language_id_score_filter:` with no arguments) becomes an
 * empty mapping. Returns a {@link PathMiss} instead of throwing, so the caller can word the error.
 */
export function setAtPath(root: ConfigTree, path: readonly string[], value: unknown): PathMiss | undefined {
  let node: unknown = root;
  const walked: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const seg = path[i]!;
    const last = i === path.length - 1;
    const here = walked.join('.') || '(top level)';
    if (Array.isArray(node)) {
      const k = Number(seg);
      if (!Number.isInteger(k) || k < 0 || k >= node.length)
        return {
          at: here,
          reason: `${here} is a list of ${node.length} items; ${JSON.stringify(seg)} is not an index of it`,
        };
      if (last) {
        node[k] = value;
        return undefined;
      }
      if (node[k] === null) node[k] = {};
      node = node[k];
    } else if (isMapping(node)) {
      if (last) {
        node[seg] = value;
        return undefined;
      }
      if (!Object.hasOwn(node, seg)) {
        const keys = Object.keys(node);
        return {
          at: here,
          reason: `${here} has no key ${JSON.stringify(seg)} (it has ${keys.length > 0 ? keys.join(', ') : 'no keys'})`,
        };
      }
      if (node[seg] === null) node[seg] = {};
      node = node[seg];
    } else {
      return { at: here, reason: `${here} is ${describeValue(node)}, not a mapping or a list` };
    }
    walked.push(seg);
  }
  return undefined;
}
