import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ComponentEnv, createLogger, type LogRecord, MemoryTracker, type Progress } from '@dj-sandbox/core';

/** A fresh temporary folder. */
export function tempDir(prefix = 'executor-api-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Rows of a JSON Lines file. */
export function readJsonl(path: string): Array<Record<string, unknown>> {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

/** A component env for tests, with the tracker, log records and progress it collected. */
export interface TestEnv extends ComponentEnv {
  readonly tracker: MemoryTracker;
  readonly records: LogRecord[];
  /** Per progress label: the total it started with and the ticks it got. */
  readonly progressSeen: Map<string, { total: number | undefined; ticks: number; done: boolean }>;
}

/** Builds a component env as a run would give one (job `infer_model`, iteration 1), in a temporary work dir. */
export function testEnv(options: { signal?: AbortSignal; metaName?: string } = {}): TestEnv {
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
  const metaName = options.metaName ?? 'infer_model';
  return {
    logger: createLogger([(r) => records.push(r)], 'debug'),
    tracker: new MemoryTracker(),
    progress,
    signal: options.signal ?? new AbortController().signal,
    workDir: tempDir(),
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
