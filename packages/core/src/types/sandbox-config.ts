import type { ConfigTree } from '../config/config-tree.ts';
import type { SourceLocation } from '../errors/dj-sandbox-error.ts';

/** The four job groups, in the order they always run. */
export const JOB_GROUPS = [
  'probe_job_configs',
  'refine_recipe_job_configs',
  'execution_job_configs',
  'evaluation_job_configs',
] as const;

/** One of the four job groups. */
export type JobGroup = (typeof JOB_GROUPS)[number];

/** Human names of the groups, as the reference logs them. */
export const GROUP_LABELS: Record<JobGroup, string> = {
  probe_job_configs: 'Probe',
  refine_recipe_job_configs: 'Refine',
  execution_job_configs: 'Execution',
  evaluation_job_configs: 'Evaluation',
};

/** A job entry after loading (inline, or read from its file), as docs/config.md#job-entries describes. */
export interface JobConfig {
  hook: string;
  /** `anonymous_meta_name` when absent; `null` when written as null. */
  meta_name: string | null;
  input: Record<string, string>;
  /** `null` means output keys are generated (`"0"`, `"1"`, ...). */
  output: string[] | null;
  local: Record<string, unknown>;
  dj_configs: ConfigTree | string | null;
  extra_configs: ConfigTree | string | null;
  /** Config path of this entry, e.g. `pipelines[0].probe_job_configs[1]`, for error messages. */
  configPath: string;
  /** Where the entry sits in its file, when known. */
  location?: SourceLocation;
  /** Where some of its keys sit (`hook`, `extra_configs.type`), for precise error positions. */
  keyLocations?: Record<string, SourceLocation>;
}

/** A named pipeline: the four job groups. */
export interface PipelineConfig {
  name: string;
  jobs: Record<JobGroup, JobConfig[]>;
  /** Config path of this pipeline, e.g. `pipelines[1]`. */
  configPath: string;
}

/** Global keys of a sandbox config (docs/config.md#global-keys), with their defaults applied. */
export interface SandboxGlobals {
  project_name: string;
  experiment_name: string;
  work_dir: string;
  resume: boolean;
  debug: boolean;
  hpo_config: string | ConfigTree | null;
  max_iter_num: number;
  iter_targets: string[];
  iter_targets_mode: string;
  iter_updater: Record<string, string>;
  /** Plugin specifiers: a package name or `[name, options]` (our addition). */
  plugins: Array<string | [string, unknown]>;
  /** Safety cap on iterations when `max_iter_num` is 0 (our addition; the reference can loop forever). */
  max_iter_cap: number;
}

/** A validated, normalised sandbox config: what the runner consumes. */
export interface SandboxConfig extends SandboxGlobals {
  /** The config file it came from, when there is one. */
  configFile?: string;
  /** `anonymous` for the single-pipeline format. */
  pipelines: PipelineConfig[];
  /** The config as written (after side files were read), for the tracker and the report. */
  raw: ConfigTree;
}

/** Defaults of the global keys (docs/config.md#global-keys). */
export const GLOBAL_DEFAULTS: SandboxGlobals = {
  project_name: 'hello_world',
  experiment_name: 'experiment1',
  work_dir: './outputs/hello_world',
  resume: false,
  debug: false,
  hpo_config: null,
  max_iter_num: 1,
  iter_targets: [],
  iter_targets_mode: 'all',
  iter_updater: {},
  plugins: [],
  max_iter_cap: 1000,
};
