import { resolve } from 'node:path';
import {
  configError,
  defineHook,
  isMapping,
  jobError,
  type OverallTable,
  operatorCatalogPoint,
  operatorsPoint,
  requireDjConfigs,
  requireExtraConfigs,
  runInfoRef,
} from '@dj-sandbox/core';
import { resolveProcessEntries } from '../k-sigma/op-stats.ts';
import { refineKSigma } from '../k-sigma/refine.ts';
import { checkRecipeSuffix, writeRecipe } from '../k-sigma/write-recipe.ts';

/** Data-Juicer's k for k-sigma refinement. */
export const DEFAULT_K = 3;

/**
 * `RefineRecipeViaKSigmaHook`: refines the job's recipe as written (keeping its original `export_path`) with the
 * k-sigma rule over the overall table that `ProbeViaAnalyzerHook` tracked under the same `meta_name`, writes it to
 * `extra_configs.path_k_sigma_recipe` and returns that path.
 */
export const refineRecipeViaKSigmaHook = defineHook({
  name: 'RefineRecipeViaKSigmaHook',
  description: "Refines a recipe's min/max filter bounds to mean ± k·std of the probed stats.",
  needs: { djConfigs: true, extraConfigs: true },
  async run(ctx) {
    requireDjConfigs(ctx);
    const recipe = ctx.rawDjConfigs!;
    const extra = requireExtraConfigs(ctx);
    const blame = { plugin: 'hooks-data', job: ctx.metaName ?? undefined, pipeline: ctx.pipeline };
    const path = extra.path_k_sigma_recipe;
    if (typeof path !== 'string' || path === '') {
      throw configError(
        'k-sigma-path-missing',
        'RefineRecipeViaKSigmaHook needs the file to write the refined recipe to.',
        {
          ...blame,
          path: 'extra_configs.path_k_sigma_recipe',
          expected: 'a path ending in .yaml, .yml or .json',
          received: path,
          fix: 'Add path_k_sigma_recipe: ./outputs/<name>/k_sigma_recipe.yaml to extra_configs.',
        },
      );
    }
    checkRecipeSuffix(path, 'extra_configs.path_k_sigma_recipe');
    const k = extra.k ?? DEFAULT_K;
    if (typeof k !== 'number' || !Number.isFinite(k) || k < 0) {
      throw configError('k-sigma-k', 'k must be a non-negative number.', {
        ...blame,
        path: 'extra_configs.k',
        expected: `a number >= 0 (default ${DEFAULT_K})`,
        received: k,
      });
    }
    const table = ctx.metaName === null ? undefined : ctx.tracker.query(ctx.metaName);
    if (!isMapping(table)) {
      throw jobError(
        'k-sigma-no-table',
        `no analysis table is tracked under meta_name ${JSON.stringify(ctx.metaName)}.`,
        {
          ...blame,
          path: 'meta_name',
          expected: 'an overall table tracked by an earlier ProbeViaAnalyzerHook with the same meta_name',
          received: table,
          fix: 'Give this job the meta_name of the ProbeViaAnalyzerHook job that analysed the data, and run that job first.',
        },
      );
    }
    const entries = await resolveProcessEntries(
      recipe.process,
      ctx.extensions(operatorsPoint),
      ctx.logger,
      blame,
      ctx.extensions(operatorCatalogPoint),
    );
    const { recipe: refined, changes } = refineKSigma(recipe, table as OverallTable, entries, k);
    for (const c of changes) {
      ctx.logger.info(
        `k-sigma: ${c.op}.${c.param} ${JSON.stringify(c.from)} -> ${c.to} (from ${c.statsKey}, raw ${c.raw}).`,
      );
    }
    if (changes.length === 0) ctx.logger.warn('k-sigma: no parameter of the recipe was changed.');
    await writeRecipe(refined, resolve(ctx.resolve(runInfoRef).cwd, path));
    return path;
  },
});
