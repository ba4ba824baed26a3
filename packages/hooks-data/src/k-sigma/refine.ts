import { type ConfigTree, deepCopy, isMapping, type OverallTable } from '@dj-sandbox/core';
import type { ProcessEntry } from './op-stats.ts';
import { fitToBounds } from './param-bounds.ts';

/** One parameter that refinement changed. */
export interface KSigmaChange {
  op: string;
  /** Position of the op in `process`. */
  index: number;
  param: string;
  statsKey: string;
  from: unknown;
  to: number;
  /** `mean ∓ k·std` before fitting it into the parameter's valid range. */
  raw: number;
}

/** A refined recipe and what changed in it. */
export interface KSigmaResult {
  recipe: ConfigTree;
  changes: KSigmaChange[];
}

function cell(table: OverallTable, key: string, row: string): number {
  const value = table[key]?.[row];
  return typeof value === 'number' ? value : Number.NaN;
}

/**
 * Data-Juicer's `modify_recipe_k_sigma` (docs/recipes.md#k-sigma-refinement) over a copy of `recipe`: for every op with
 * a stats key in the table and every numeric parameter the user wrote whose name contains `max` (`mean + k·std`) or
 * else `min` (`mean − k·std`), overwrite the parameter. Differences from Data-Juicer: values are fitted into the
 * parameter's valid range (see {@link fitToBounds}); non-numeric parameters such as `min_closed_interval` are never
 * touched; NaN (the std of one sample, or a missing cell) leaves the parameter as written.
 */
export function refineKSigma(
  recipe: ConfigTree,
  table: OverallTable,
  entries: readonly ProcessEntry[],
  k: number,
): KSigmaResult {
  const refined = deepCopy(recipe);
  const process = refined.process as unknown[];
  const changes: KSigmaChange[] = [];
  for (const entry of entries) {
    if (!entry.written) continue;
    const target = process[entry.index];
    const params = isMapping(target) ? target[entry.name] : undefined;
    if (!isMapping(params)) continue;
    for (const statsKey of entry.statsKeys) {
      const mean = cell(table, statsKey, 'mean');
      const std = cell(table, statsKey, 'std');
      for (const [param, value] of Object.entries(params)) {
        if (typeof value !== 'number') continue;
        const side = param.includes('max') ? 'max' : param.includes('min') ? 'min' : undefined;
        if (!side) continue;
        const raw = side === 'max' ? mean + k * std : mean - k * std;
        if (Number.isNaN(raw)) continue;
        const fitted = fitToBounds(raw, side, entry.bounds[param]);
        if (fitted === undefined) continue;
        changes.push({
          op: entry.name,
          index: entry.index,
          param,
          statsKey,
          from: entry.written[param],
          to: fitted,
          raw,
        });
        params[param] = fitted;
      }
    }
  }
  return { recipe: refined, changes };
}
