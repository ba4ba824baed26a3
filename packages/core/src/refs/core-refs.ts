import type { Logger } from '../logging/logger.ts';
import type { Progress } from '../logging/progress.ts';
import type { Tracker } from '../tracker/tracker.ts';
import { createRef } from './create-ref.ts';

/** Facts about the current run that services may depend on. */
export interface RunInfo {
  readonly workDir: string;
  readonly cwd: string;
  readonly projectName: string;
  readonly experimentName: string;
  readonly signal: AbortSignal;
}

/** The run's logger. */
export const loggerRef = createRef<Logger>({ id: 'core.logger' });
/** The run's tracker. */
export const trackerRef = createRef<Tracker>({ id: 'core.tracker' });
/** The run's progress reporter. */
export const progressRef = createRef<Progress>({ id: 'core.progress' });
/** Facts about the run. */
export const runInfoRef = createRef<RunInfo>({ id: 'core.run-info' });
