import type { ComponentKind } from '../components/component-kinds.ts';

/** The 12 hook names of the reference: the public vocabulary of job configs (docs/config.md#hooks). */
export const REFERENCE_HOOK_NAMES = [
  'ProbeViaAnalyzerHook',
  'ProbeViaModelInferHook',
  'GeneralProbeHook',
  'RefineRecipeViaKSigmaHook',
  'RefineRecipeViaModelFeedbackHook',
  'ProcessDataHook',
  'DataPoolManipulationHook',
  'GeneralDataExecutorHook',
  'TrainModelHook',
  'InferModelHook',
  'EvaluateDataHook',
  'EvaluateModelHook',
] as const;

/** One of the reference hook names. */
export type ReferenceHookName = (typeof REFERENCE_HOOK_NAMES)[number];

/** The component kind each reference hook builds from its `extra_configs.type` (null: it builds none by type). */
export const HOOK_COMPONENT_KIND: Record<ReferenceHookName, ComponentKind | null> = {
  ProbeViaAnalyzerHook: null,
  ProbeViaModelInferHook: 'ModelInferEvaluator',
  GeneralProbeHook: 'GeneralProbe',
  RefineRecipeViaKSigmaHook: null,
  RefineRecipeViaModelFeedbackHook: null,
  ProcessDataHook: null,
  DataPoolManipulationHook: 'DataPoolManipulator',
  GeneralDataExecutorHook: 'GeneralDataExecutor',
  TrainModelHook: 'ModelTrainExecutor',
  InferModelHook: 'ModelInferExecutor',
  EvaluateDataHook: 'DataEvaluator',
  EvaluateModelHook: 'ModelEvaluator',
};
