import { type HookContext, isMultiOutput } from '@dj-sandbox/core';

/**
 * Tracks an evaluator result under the job's meta_name as the reference's watcher does: a mapping is flattened by
 * the tracker, and a several-output result is tracked as its list of values (the reference logs a tuple as is).
 */
export function trackResult(ctx: HookContext, result: unknown): void {
  ctx.track(isMultiOutput(result) ? [...result.values] : result);
}
