export { dataPoolManipulationHook, generalDataExecutorHook, generalProbeHook } from './hooks/component-hooks.ts';
export { probeViaAnalyzerHook } from './hooks/probe-via-analyzer.ts';
export { processDataHook } from './hooks/process-data.ts';
export { DEFAULT_K, refineRecipeViaKSigmaHook } from './hooks/refine-recipe-via-k-sigma.ts';
export { type ProcessEntry, resolveProcessEntries } from './k-sigma/op-stats.ts';
export { fitToBounds, type ParamBounds, paramBounds } from './k-sigma/param-bounds.ts';
export { type KSigmaChange, type KSigmaResult, refineKSigma } from './k-sigma/refine.ts';
export { checkRecipeSuffix, RECIPE_SUFFIXES, writeRecipe } from './k-sigma/write-recipe.ts';
export { dataHooks, default } from './plugin.ts';
