import type { ContextInfos } from '../context/context-infos.ts';
import type { DjSandboxError } from '../errors/dj-sandbox-error.ts';
import { configError } from '../errors/errors.ts';

/** A parsed `iter_updater` entry. */
export interface IterUpdate {
  from: string;
  pipeline: string;
  metaName: string;
  /** The `local` key to set, e.g. `dj_configs.dataset_path`. */
  localKey: string;
}

/** Parses one `iter_updater` entry (docs/config.md#iteration-updater). */
export function parseIterUpdate(from: string, to: string, path: string): IterUpdate | DjSandboxError {
  const parts = to.split('.');
  if (parts.length < 4 || (parts[2] !== 'dj_configs' && parts[2] !== 'extra_configs')) {
    return configError('iter-updater-target', 'the target key has the wrong format.', {
      path,
      expected: '<pipeline_name>.<hook_meta_name>.[extra_configs|dj_configs].<hook_cfg_key1>[.<hook_cfg_keyn>]',
      received: to,
    });
  }
  if (from.split('.').length < 3) {
    return configError('iter-updater-source', 'the source key has the wrong format.', {
      path,
      expected: '<pipeline>.<meta_name>.<output_key> (-1 is not supported here)',
      received: from,
    });
  }
  return { from, pipeline: parts[0]!, metaName: parts[1]!, localKey: parts.slice(2).join('.') };
}

/**
 * The `local` overrides that the updates give for the next iteration, keyed by `<pipeline>\u0000<meta_name>`.
 * Values that are not found are skipped, and reported through `onMissing`.
 */
export function collectUpdates(
  updates: readonly IterUpdate[],
  ctx: ContextInfos,
  onMissing: (from: string) => void,
): Map<string, Record<string, unknown>> {
  const byJob = new Map<string, Record<string, unknown>>();
  for (const update of updates) {
    const found = ctx.lookup(update.from);
    if (!found.found || found.value === null || found.value === undefined) {
      onMissing(update.from);
      continue;
    }
    const id = `${update.pipeline}\u0000${update.metaName}`;
    const local = byJob.get(id) ?? {};
    local[update.localKey] = found.value;
    byJob.set(id, local);
  }
  return byJob;
}
