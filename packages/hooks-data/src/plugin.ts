import { definePlugin, versionOf } from '@dj-sandbox/core';
import { dataPoolManipulationHook, generalDataExecutorHook, generalProbeHook } from './hooks/component-hooks.ts';
import { probeViaAnalyzerHook } from './hooks/probe-via-analyzer.ts';
import { processDataHook } from './hooks/process-data.ts';
import { refineRecipeViaKSigmaHook } from './hooks/refine-recipe-via-k-sigma.ts';

/** Every hook this plugin provides. */
export const dataHooks = [
  probeViaAnalyzerHook,
  refineRecipeViaKSigmaHook,
  processDataHook,
  dataPoolManipulationHook,
  generalProbeHook,
  generalDataExecutorHook,
];

/** The hooks-data plugin: the reference's data hooks, built on the DataAnalyzer/DataExecutor contracts. */
export default definePlugin({
  id: 'hooks-data',
  version: versionOf(import.meta.url),
  apiVersion: 1,
  description:
    'ProbeViaAnalyzer, RefineRecipeViaKSigma, ProcessData, DataPoolManipulation, GeneralProbe and GeneralDataExecutor hooks.',
  register(reg) {
    reg.hooks.add(...dataHooks);
  },
});
