import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ComponentEnv, createLogger, type LogRecord, MemoryTracker, type Progress } from '@dj-sandbox/core';

/** A component env for tests, with the tracker, log records and progress it collected. */
export interface TestComponentEnv extends ComponentEnv {
  readonly tracker: MemoryTracker;
  readonly records: LogRecord[];
  /** Per progress label: the total it started with and the ticks it got. */
  readonly progressSeen: Map<string, { total: number | undefined; ticks: number; done: boolean }>;
}

/**
 * Builds a component env as a run gives one to a component factory (iteration 1, pipeline `test`, the job named
 * `metaName`), in a temporary work dir, collecting what the component logs, tracks and reports as progress.
 */
export function testComponentEnv(options: { metaName: string; signal?: AbortSignal }): TestComponentEnv {
  const records: LogRecord[] = [];
  const progressSeen = new Map<string, { total: number | undefined; ticks: number; done: boolean }>();
  const progress: Progress = {
    start(label, total) {
      const seen = { total, ticks: 0, done: false };
      progressSeen.set(label, seen);
      return {
        tick: (n = 1) => {
          seen.ticks += n;
        },
        setTotal: (t) => {
          seen.total = t;
        },
        done: () => {
          seen.done = true;
        },
      };
    },
  };
  const { metaName } = options;
  return {
    logger: createLogger([(r) => records.push(r)], 'debug'),
    tracker: new MemoryTracker(),
    progress,
    signal: options.signal ?? new AbortController().signal,
    workDir: mkdtempSync(join(tmpdir(), 'component-env-')),
    scope: { iteration: 1, pipeline: 'test', job: metaName, metaName },
    resolve() {
      throw new Error('no services in tests');
    },
    extensions: () => [],
    ownedExtensions: () => [],
    records,
    progressSeen,
  };
}
