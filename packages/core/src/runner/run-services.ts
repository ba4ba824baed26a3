import type { RunContainer } from '../di/run-container.ts';
import type { DjSandboxError } from '../errors/dj-sandbox-error.ts';
import type { Logger } from '../logging/logger.ts';
import type { Progress } from '../logging/progress.ts';
import type { PluginRegistry } from '../plugin/plugin-registry.ts';
import type { Tracker } from '../tracker/tracker.ts';

/** Events a run reports as it goes; the CLI turns them into terminal output. */
export type RunEvent =
  | { type: 'iteration-start'; iteration: number }
  | { type: 'job-start'; iteration: number; pipeline: string; group: string; hook: string; metaName: string | null }
  | {
      type: 'job-end';
      iteration: number;
      pipeline: string;
      hook: string;
      metaName: string | null;
      durationMs: number;
      outputs: Record<string, unknown>;
    }
  | { type: 'job-skip'; iteration: number; pipeline: string; hook: string; metaName: string | null }
  | {
      type: 'job-fail';
      iteration: number;
      pipeline: string;
      hook: string;
      metaName: string | null;
      error: DjSandboxError;
    }
  | {
      type: 'targets';
      iteration: number;
      met: boolean;
      details: Array<{ target: string; met: boolean; value: unknown; problem?: string }>;
    }
  | { type: 'run-end'; iterations: number; reason: string };

/** What every job of a run shares. */
export interface RunServices {
  readonly registry: PluginRegistry;
  readonly container: RunContainer;
  readonly tracker: Tracker;
  readonly logger: Logger;
  readonly progress: Progress;
  readonly signal: AbortSignal;
  readonly workDir: string;
  readonly cwd: string;
  readonly onEvent: (event: RunEvent) => void;
}
