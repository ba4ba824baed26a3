/** How a run ended, as `run.json` records it; `unknown` when the work dir has no `run.json`. */
export type RunStatus = 'running' | 'finished' | 'failed' | 'unknown';

/** How one job ended. `interrupted`: it started and never ended in a run that is over. */
export type JobStatus = 'done' | 'failed' | 'skipped' | 'running' | 'interrupted';

/** The header of the report: who ran what, when, and how it ended. */
export interface RunSummary {
  projectName: string | null;
  experimentName: string | null;
  configFile: string | null;
  status: RunStatus;
  stopReason: string | null;
  error: string | null;
  startedAt: string | null;
  endedAt: string | null;
  durationMs: number | null;
  iterations: number;
  plugins: Array<{ id: string; version: string; source?: string }>;
}

/** One job of one iteration, from `events.jsonl`. */
export interface JobRecord {
  iteration: number;
  pipeline: string;
  group: string | null;
  hook: string;
  metaName: string | null;
  status: JobStatus;
  startedAt: string | null;
  endedAt: string | null;
  durationMs: number | null;
  outputs: Record<string, unknown>;
  error: string | null;
}

/** The outcome of the targets check after an iteration. */
export interface TargetsRecord {
  iteration: number;
  met: boolean;
  details: Array<{ target: string; met: boolean; value: unknown; problem?: string }>;
}

/** One watched value (a line of `tracker/watched.jsonl`), with the latest write for its scope winning. */
export interface WatchedValue {
  metaName: string;
  iteration: number;
  pipeline: string;
  job: string | null;
  time: string;
  value: unknown;
}

/** One point of a training curve. */
export interface CurvePoint {
  step: number;
  value: number;
  /** Which run of the metric the point belongs to: `iter 1 · pipeline › job`. */
  series: string;
}

/** A metric tracked with a `step`, drawn as a line chart. */
export interface Curve {
  key: string;
  points: CurvePoint[];
}

/** One figure of an analysis folder, embedded as a data: URI. */
export interface AnalysisFigure {
  name: string;
  /** `hist`, `box`, `corr` or `other`, from the file name. */
  kind: 'hist' | 'box' | 'corr' | 'other';
  dataUri: string;
  bytes: number;
}

/** An analyzer output folder (`overall.csv` and figures) and the jobs that produced it. */
export interface AnalysisRecord {
  /** Path relative to the work dir when inside it, otherwise as found. */
  dir: string;
  /** `before` for a probe's analysis, `after` for one made after processing, `unknown` when found by scanning. */
  phase: 'before' | 'after' | 'unknown';
  producedBy: Array<{ iteration: number; pipeline: string; metaName: string | null; hook: string }>;
  /** `overall.csv` as rows of cells, the header first; empty when the file is missing. */
  overall: string[][];
  figures: AnalysisFigure[];
}

/** One data pool (a `<pool>.meta.json` sidecar) or a parent dataset that has none. */
export interface PoolNode {
  /** Normalised path, relative to the config's folder where possible; the node's identity. */
  id: string;
  operation: string | null;
  params: Record<string, unknown>;
  samples: number | null;
  stats: Record<string, unknown>;
  producer: string | null;
  parents: string[];
  /** The job whose outputs name this dataset (`pipeline › meta_name`), when one does. */
  job: string | null;
}

/** The data-pool lineage: every pool and parent, and which ones have no parent (the roots). */
export interface PoolLineage {
  nodes: PoolNode[];
  roots: string[];
}

/** One trial of a search, in its latest state. */
export interface TrialRecord {
  index: number;
  state: string;
  params: Record<string, unknown>;
  metrics: Record<string, unknown>;
  value: number | null;
  startedAt: string | null;
  endedAt: string | null;
  durationMs: number | null;
  /** The trial's run folder relative to the work dir, when it exists. */
  dir: string | null;
  /** The trial's own report, relative to the work dir, when it exists. */
  report: string | null;
}

/** A search (`<work_dir>/study/`): its sweep definition and trials. */
export interface StudyRecord {
  sweep: Record<string, unknown>;
  metricName: string | null;
  /** `maximize` or `minimize` when the sweep says so. */
  direction: 'maximize' | 'minimize' | null;
  trials: TrialRecord[];
  bestIndex: number | null;
}

/** A warning or error from the run's log. */
export interface LogEntry {
  time: string;
  level: string;
  message: string;
  job: string | null;
  pipeline: string | null;
}

/** Everything the report shows, read from a work dir; plain JSON data. */
export interface ReportModel {
  workDir: string;
  generatedAt: string;
  summary: RunSummary;
  /** The config as run, or null when `run.json` is missing. */
  config: Record<string, unknown> | null;
  jobs: JobRecord[];
  targets: TargetsRecord[];
  watched: WatchedValue[];
  curves: Curve[];
  analyses: AnalysisRecord[];
  lineage: PoolLineage;
  study: StudyRecord | null;
  logs: LogEntry[];
  /** Files that could not be read or parsed, with the reason, shown at the end of the report. */
  problems: string[];
}
