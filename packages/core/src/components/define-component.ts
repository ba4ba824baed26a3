import type { ConfigTree } from '../config/config-tree.ts';
import type { Logger } from '../logging/logger.ts';
import type { Progress } from '../logging/progress.ts';
import type { StandardSchemaV1 } from '../plugin/standard-schema.ts';
import type { ExtensionPoint, Ref } from '../refs/create-ref.ts';
import type { Tracker, TrackScope } from '../tracker/tracker.ts';
import type { ComponentKind } from './component-kinds.ts';

/** A built component. Hooks call `run`; the run disposes it when the job ends. */
export interface Component {
  run(...args: unknown[]): unknown | Promise<unknown>;
  dispose?(): void | Promise<void>;
}

/** What a component factory receives besides its config. */
export interface ComponentEnv {
  readonly logger: Logger;
  readonly tracker: Tracker;
  readonly progress: Progress;
  readonly signal: AbortSignal;
  readonly workDir: string;
  /** The job that builds the component, for tracking (training curves go under it). */
  readonly scope: TrackScope & { metaName: string | null };
  resolve<T>(ref: Ref<T>): T;
  extensions<T>(point: ExtensionPoint<T>): readonly T[];
  /**
   * Contributions with the plugin that made them and the module it was loaded from, so that worker threads can
   * load the same plugins (the data engine does this for operators).
   */
  ownedExtensions<T>(point: ExtensionPoint<T>): ReadonlyArray<ExtensionContribution<T>>;
}

/** A contribution to an extension point, with where it came from. */
export interface ExtensionContribution<T> {
  readonly plugin: string;
  /** The module specifier or file URL the plugin was loaded from, when known. */
  readonly source?: string;
  readonly value: T;
}

/** A component type of one kind, selected by the `type:` key of its config. */
export interface ComponentDefinition<C = ConfigTree> {
  readonly kind: ComponentKind;
  /** The `type:` value that selects it (`default` for the untyped DataExecutor / DataAnalyzer). */
  readonly type: string;
  readonly description: string;
  /** Optional schema of its config, checked by `dj-sandbox validate` and before the job runs. */
  readonly config?: StandardSchemaV1<unknown, C>;
  create(config: C, env: ComponentEnv): Component | Promise<Component>;
  /**
   * Optional check run before the first job of a run, for every job whose config is known by then (inline, or in
   * a file that exists): it throws a clear error for what would otherwise fail mid-run, e.g. a model that cannot be
   * downloaded. Configs that earlier jobs fill in (`input`) are checked when their job runs.
   */
  preflight?(config: C, env: PreflightEnv): void | Promise<void>;
}

/** What a component's preflight check receives. */
export interface PreflightEnv {
  /** The run's working directory (relative paths start here). */
  readonly cwd: string;
  readonly logger: Logger;
  readonly signal: AbortSignal;
  /** The job's config path, e.g. `pipelines[0].p.execution_job_configs[2]`, for error messages. */
  readonly configPath: string;
}

/** Any component definition. */
// biome-ignore lint/suspicious/noExplicitAny: definitions of every config type share one registry
export type AnyComponentDefinition = ComponentDefinition<any>;

/** Typed identity helper for writing components. */
export function defineComponent<C = ConfigTree>(definition: ComponentDefinition<C>): ComponentDefinition<C> {
  return definition;
}
