import type { ComponentFactory } from '../components/component-factory.ts';
import type { ComponentEnv, ExtensionContribution } from '../components/define-component.ts';
import type { ConfigTree } from '../config/config-tree.ts';
import type { Logger } from '../logging/logger.ts';
import type { Progress } from '../logging/progress.ts';
import type { ExtensionPoint, Ref } from '../refs/create-ref.ts';
import type { Tracker } from '../tracker/tracker.ts';
import type { JobGroup } from '../types/sandbox-config.ts';

/** Everything a hook body receives (docs/architecture.md#hooks-and-components). */
export interface HookContext {
  /** The hook name, e.g. `ProcessDataHook`. */
  readonly hook: string;
  /** The id of the plugin that provides the hook, for blame in errors. */
  readonly plugin: string;
  /** The job's `meta_name` (may be null, as in the reference). */
  readonly metaName: string | null;
  readonly pipeline: string;
  readonly group: JobGroup;
  /** 1-based iteration number. */
  readonly iteration: number;
  /**
   * The job's Data-Juicer recipe after `local` and `input`, with `export_path` rewritten to its `iter_<n>` form
   * (the reference's initialised DJ config, less the defaults that the data engine fills in). `null` when unset.
   */
  readonly djConfigs: ConfigTree | null;
  /** The recipe as written after `local` and `input`, without the iteration rewrite (k-sigma refines this one). */
  readonly rawDjConfigs: ConfigTree | null;
  /** The component config after `local` and `input`, with `export_path` rewritten. `null` when unset. */
  readonly extraConfigs: ConfigTree | null;
  /** Builds components by kind and `type`. */
  readonly components: ComponentFactory;
  readonly tracker: Tracker;
  readonly logger: Logger;
  readonly progress: Progress;
  /** Aborted when the run is cancelled (SIGINT); long jobs should stop promptly. */
  readonly signal: AbortSignal;
  /** The sandbox `work_dir`. */
  readonly workDir: string;
  /** Records `value` in the tracker under `key` (default: this job's meta_name). */
  track(value: unknown, key?: string, step?: number): void;
  /** Resolves a service registered by a plugin. */
  resolve<T>(ref: Ref<T>): T;
  /** Everything contributed to an extension point. */
  extensions<T>(point: ExtensionPoint<T>): readonly T[];
  /** Contributions with their plugin and source module (see {@link ComponentEnv.ownedExtensions}). */
  ownedExtensions<T>(point: ExtensionPoint<T>): ReadonlyArray<ExtensionContribution<T>>;
}
