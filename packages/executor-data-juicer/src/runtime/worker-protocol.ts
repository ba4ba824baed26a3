import type { LogFields, LogLevel } from '@dj-sandbox/core';
import type { Batch } from './batch.ts';
import type { RawConfig, RawLines, RawResult } from './raw-batch.ts';
import type { StepFailure, StepSpec, StepsResult } from './run-steps.ts';

/** An operator a worker builds: its index in the recipe, name and expanded config. */
export interface WorkerOp {
  op: number;
  name: string;
  config: Record<string, unknown>;
}

/** Messages from the main thread to a worker. */
export type ToWorker =
  | { type: 'init'; sources: string[]; ops: WorkerOp[]; workDir: string; datasetDir?: string }
  | { type: 'run'; id: number; batch: Batch; steps: StepSpec[] }
  | { type: 'run-raw'; id: number; raw: RawLines; steps: StepSpec[]; config: RawConfig };

/** Messages from a worker to the main thread. */
export type FromWorker =
  | { type: 'ready' }
  | { type: 'init-error'; message: string }
  | { type: 'log'; level: LogLevel; message: string; fields?: LogFields }
  | { type: 'done'; id: number; result: StepsResult }
  | { type: 'done-raw'; id: number; result: RawResult }
  | { type: 'failed'; id: number; failure: StepFailure };
