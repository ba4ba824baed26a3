import { readFileSync } from 'node:fs';
import type { OperatorDescriptor, OperatorParamDescriptor } from '@dj-sandbox/core';
import { DATA_JUICER_VERSION } from './engine-env.ts';

/** The manifest file as `scripts/gen_manifest.py` writes it. */
interface ManifestFile {
  dataJuicerVersion: string;
  baseParams: Record<string, Record<string, OperatorParamDescriptor>>;
  operators: Array<{
    name: string;
    kind: string;
    bases: string[];
    description: string;
    params: Record<string, OperatorParamDescriptor>;
    statsKeys: string[];
  }>;
}

/** Where the checked-in manifest of the pinned Data-Juicer is. */
export const MANIFEST_URL = new URL(`../manifest/data-juicer-${DATA_JUICER_VERSION}.json`, import.meta.url);

let cached: OperatorDescriptor[] | undefined;

/**
 * Every operator of the pinned Data-Juicer with its kind, parameters (its own and its base classes', with
 * defaults) and stats keys, read from the checked-in manifest: no Python needed to validate a recipe.
 */
export function dataJuicerOperators(): readonly OperatorDescriptor[] {
  if (cached) return cached;
  const file = JSON.parse(readFileSync(MANIFEST_URL, 'utf8')) as ManifestFile;
  cached = file.operators.map((op) => {
    const params: Record<string, OperatorParamDescriptor> = {};
    for (const base of op.bases) Object.assign(params, file.baseParams[base] ?? {});
    Object.assign(params, op.params);
    return {
      name: op.name,
      kind: op.kind,
      engine: 'python',
      description: op.description,
      params,
      acceptsExtraParams: false,
      statsKeys: op.statsKeys,
    };
  });
  return cached;
}
