/** The ten component kinds of the reference's factories (docs/config.md#component-kinds). */
export const COMPONENT_KINDS = [
  'DataExecutor',
  'DataAnalyzer',
  'DataPoolManipulator',
  'GeneralDataExecutor',
  'DataEvaluator',
  'GeneralProbe',
  'ModelInferEvaluator',
  'ModelTrainExecutor',
  'ModelInferExecutor',
  'ModelEvaluator',
] as const;

/** One of the component kinds. */
export type ComponentKind = (typeof COMPONENT_KINDS)[number];

/** Kinds that take a Data-Juicer recipe and have no `type` key: the single registered component is used. */
export const UNTYPED_KINDS: ReadonlySet<ComponentKind> = new Set(['DataExecutor', 'DataAnalyzer']);
