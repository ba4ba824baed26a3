import type { ComponentKind } from '../components/component-kinds.ts';
import type { HookContext } from './hook-context.ts';

/** Marks a hook result with several outputs (the reference's tuple return). */
export interface MultiOutput {
  readonly $$type: '@dj-sandbox/MultiOutput';
  readonly values: readonly unknown[];
}

/** Wraps several values as one hook result with several outputs, one per `output` key. */
export function multiOutput(...values: unknown[]): MultiOutput {
  return { $$type: '@dj-sandbox/MultiOutput', values };
}

/** True for a value made by {@link multiOutput}. */
export function isMultiOutput(value: unknown): value is MultiOutput {
  return typeof value === 'object' && value !== null && (value as MultiOutput).$$type === '@dj-sandbox/MultiOutput';
}

/** A hook: the body of a job. Its name is what job configs write under `hook:`. */
export interface HookDefinition {
  readonly name: string;
  /** One sentence for `dj-sandbox plugins`. */
  readonly description: string;
  /** The component kind it builds from `extra_configs.type`, so configs are checked before the run. */
  readonly componentKind?: ComponentKind;
  /** Whether it needs `dj_configs` / `extra_configs` (checked before the run). */
  readonly needs?: { djConfigs?: boolean; extraConfigs?: boolean };
  run(ctx: HookContext): unknown | Promise<unknown>;
}

/** Typed identity helper for writing hooks. */
export function defineHook(definition: HookDefinition): HookDefinition {
  return definition;
}
