import type { Component } from './define-component.ts';

/**
 * Data-Juicer's overall analysis table (docs/recipes.md#analysis) as the DataAnalyzer returns it: one column per stats
 * key, one row per statistic (`count`, `mean`, `std`, `min`, percentiles such as `25%`, `max`). String rows
 * (`unique`, `top`, `freq`) are not included; a cell that does not apply is `null`.
 */
export type OverallTable = Record<string, Record<string, number | null>>;

/** What the `DataExecutor` component's `run()` resolves to (the data engine processing a recipe). */
export interface ProcessDataResult {
  /** The exported dataset (first shard's path when sharded). */
  exportPath: string;
  /** Every file written for the dataset, in shard order. */
  exportPaths: string[];
  /** `<stem>_stats.jsonl`, when stats were produced. */
  statsPath?: string;
  samplesIn: number;
  samplesOut: number;
  /** Per operator: name, samples left after it, seconds. */
  ops: Array<{ name: string; samplesOut: number; seconds: number }>;
}

/** What the `DataAnalyzer` component's `run()` resolves to. */
export interface AnalyzeDataResult {
  /** The recipe's `export_path` (the dataset is written there only with `export_original_dataset`). */
  exportPath: string;
  statsPath: string;
  /** Where `overall.csv`, `overall.md` and the figures are. */
  analysisDir: string;
  overall: OverallTable;
  /** PNG files written. */
  figures: string[];
  samples: number;
}

/** How to draw a probe sample from a recipe's dataset (the reference's `sample_data`, docs/recipes.md#processing). */
export interface SampleDataOptions {
  /** `data_probe_ratio`, in [0, 1]. */
  ratio: number;
  /** `data_probe_algo`: `uniform`, `frequency_specified_field_selector` or `topk_specified_field_selector`. */
  algo: string;
  /** Where to write the sample (JSONL). */
  exportPath: string;
  /** Extra parameters of the selector algorithms. */
  params?: Record<string, unknown>;
}

/** The `DataExecutor` component's interface. */
export interface DataExecutorComponent extends Component {
  run(): Promise<ProcessDataResult>;
  /** Writes a probe sample of the recipe's dataset and resolves to its path (used by ProbeViaModelInferHook). */
  sample?(options: SampleDataOptions): Promise<string>;
}

/** The `DataAnalyzer` component's interface. */
export interface DataAnalyzerComponent extends Component {
  run(): Promise<AnalyzeDataResult>;
}
