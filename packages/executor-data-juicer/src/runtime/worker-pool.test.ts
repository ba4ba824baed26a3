import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createLogger, type LogRecord, type Sample } from '@dj-sandbox/core';
import { describe, expect, it } from 'vitest';
import { FIXTURES, tempDir } from '../test-helpers/test-env.ts';
import type { Batch } from './batch.ts';
import type { StepSpec, StepsResult } from './run-steps.ts';
import { type LocalRunner, WorkerPool } from './worker-pool.ts';

const STEP: StepSpec = { kind: 'mapper', op: 0, name: 'uppercase_test_mapper', skipOpError: false };
const INIT = {
  sources: [pathToFileURL(join(FIXTURES, 'test-ops-plugin.ts')).href],
  ops: [{ op: 0, name: 'uppercase_test_mapper', config: { rounds: 1 } }],
  workDir: tempDir(),
};

function batchOf(i: number): Batch {
  return { samples: [{ text: `batch ${i}` } as Sample], origins: [i] };
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}

describe('the worker pool', () => {
  it('runs batches on the main thread while a worker loads, then on both, each result for its own batch', async () => {
    const records: LogRecord[] = [];
    let pool: WorkerPool | undefined;
    const ranHere: number[] = [];
    const local: LocalRunner = {
      // The main thread's first batch waits until the worker has taken one, so both executors surely run some.
      async run(batch: Batch): Promise<StepsResult> {
        await until(() => (pool?.shares.workers ?? 0) > 0);
        ranHere.push(batch.origins[0]!);
        const samples = batch.samples.map((s) => ({ ...s, text: `${String(s.text)} (here)` }));
        return { batch: { samples, origins: batch.origins }, inCounts: [1], outCounts: [1], seconds: [0], dropped: [] };
      },
      runRaw: () => Promise.reject(new Error('not used')),
    };
    pool = WorkerPool.start(2, INIT, local, createLogger([(r) => records.push(r)], 'debug'));
    try {
      expect(pool.size).toBe(2);
      const results = await Promise.all(Array.from({ length: 12 }, (_, i) => pool!.run(batchOf(i), [STEP])));
      expect(results.map((r) => r.batch.origins[0])).toEqual(Array.from({ length: 12 }, (_, i) => i));
      results.forEach((r, i) => {
        const text = String(r.batch.samples[0]!.text);
        expect(text).toBe(ranHere.includes(i) ? `batch ${i} (here)` : `BATCH ${i}`);
      });
      expect(pool.shares.main).toBe(ranHere.length);
      expect(pool.shares.main).toBeGreaterThan(0);
      expect(pool.shares.workers).toBe(12 - ranHere.length);
      expect(records.filter((r) => r.level === 'warn')).toEqual([]);
    } finally {
      await pool.close();
    }
  });

  it('leaves out a worker that cannot load the operators and runs everything on the main thread', async () => {
    const records: LogRecord[] = [];
    const local: LocalRunner = {
      run: async (batch) => ({ batch, inCounts: [1], outCounts: [1], seconds: [0], dropped: [] }),
      runRaw: () => Promise.reject(new Error('not used')),
    };
    const broken = { ...INIT, ops: [{ op: 0, name: 'no_such_test_mapper', config: {} }] };
    const pool = WorkerPool.start(2, broken, local, createLogger([(r) => records.push(r)], 'debug'));
    try {
      await until(() => records.some((r) => r.level === 'warn'));
      const results = await Promise.all([0, 1, 2].map((i) => pool.run(batchOf(i), [STEP])));
      expect(results.map((r) => r.batch.samples[0]!.text)).toEqual(['batch 0', 'batch 1', 'batch 2']);
      expect(pool.shares).toEqual({ main: 3, workers: 0 });
      expect(records.find((r) => r.level === 'warn')?.message).toBe(
        'a worker thread could not load the operators; the other threads run its share: no loaded plugin contributes operator no_such_test_mapper',
      );
    } finally {
      await pool.close();
    }
  });
});
