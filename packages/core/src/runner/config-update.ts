import { type ConfigTree, deepCopy, isMapping } from '../config/config-tree.ts';
import { configError } from '../errors/errors.ts';

/** The two config groups a job's `local` / `input` may edit. */
export type ConfigGroup = 'dj_configs' | 'extra_configs';

/** The mutable configs of one job during its lifecycle. */
export interface JobConfigs {
  dj_configs: ConfigTree | string | null;
  extra_configs: ConfigTree | string | null;
}

function deepAssign(target: ConfigTree, key: string, value: unknown): void {
  // A mapping is applied leaf by leaf (the reference iterates config trees by leaves), so it merges.
  if (isMapping(value) && isMapping(target[key])) {
    for (const [k, v] of Object.entries(value)) deepAssign(target[key] as ConfigTree, k, v);
  } else {
    target[key] = deepCopy(value);
  }
}

/**
 * Applies one `local` or `input` entry (docs/config.md#local-and-input): `<group>` replaces the whole config,
 * `<group>.<k1>...<kn>` navigates to `k1..k(n-1)` and sets `kn`. Unlike the reference, a missing intermediate
 * mapping is created instead of failing with a type error.
 */
export function applyConfigUpdate(configs: JobConfigs, key: string, value: unknown, path: string): void {
  const [group, ...rest] = key.split('.');
  if (group !== 'dj_configs' && group !== 'extra_configs') {
    throw configError('update-group', `the key ${group} to update is not supported.`, {
      path,
      expected: 'a key starting with dj_configs or extra_configs',
      received: key,
      fix: 'Write e.g. "extra_configs.dataset_path" or "dj_configs".',
    });
  }
  if (rest.length === 0) {
    configs[group] = deepCopy(value) as ConfigTree | string | null;
    return;
  }
  let node = configs[group];
  if (node === null || node === undefined) node = configs[group] = {};
  if (!isMapping(node)) {
    throw configError('update-unparsed', `cannot set ${key}: ${group} is not a mapping.`, {
      path,
      expected: `${group} to be a mapping, or a .yaml/.yml/.json path that loads as one`,
      received: node,
      fix: `Replace the whole ${group} first (input: {${group}: ...}), or give it as a mapping.`,
    });
  }
  let cursor: ConfigTree = node;
  for (const part of rest.slice(0, -1)) {
    const next = cursor[part];
    if (next === undefined || next === null) cursor = cursor[part] = {};
    else if (isMapping(next)) cursor = next;
    else {
      throw configError('update-path', `cannot set ${key}: ${part} is not a mapping.`, {
        path,
        expected: `${part} to be a mapping`,
        received: next,
      });
    }
  }
  deepAssign(cursor, rest[rest.length - 1]!, value);
}
