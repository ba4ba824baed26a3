import { type ErrorData, jobError, type Logger } from '@dj-sandbox/core';
import type { DuckSession } from '../io/duck-session.ts';

/** What a manipulator runs with. */
export interface PoolContext {
  session: DuckSession;
  /** Relative paths in the config resolve against this folder (the run's working directory). */
  cwd: string;
  logger: Logger;
  /** The sandbox `work_dir`, for defaults. */
  workDir: string;
  iteration: number;
  /** The job, for blame in errors. */
  job?: string;
  pipeline?: string;
}

/** A job error blamed on this plugin and the context's job. */
export function poolError(ctx: PoolContext, code: string, summary: string, data: ErrorData = {}, cause?: unknown) {
  return jobError(
    code,
    summary,
    {
      plugin: 'executor-datapool',
      ...(ctx.job !== undefined ? { job: ctx.job } : {}),
      ...(ctx.pipeline !== undefined ? { pipeline: ctx.pipeline } : {}),
      ...data,
    },
    cause,
  );
}
