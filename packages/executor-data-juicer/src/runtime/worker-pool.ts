import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Logger } from '@dj-sandbox/core';
import type { Batch } from './batch.ts';
import type { RawConfig, RawLines, RawResult } from './raw-batch.ts';
import type { StepFailure, StepSpec, StepsResult } from './run-steps.ts';
import type { FromWorker, ToWorker } from './worker-protocol.ts';

type Task =
  | { id: number; batch: Batch; steps: StepSpec[]; resolve(result: StepsResult): void; reject(error: unknown): void }
  | {
      id: number;
      raw: RawLines;
      config: RawConfig;
      steps: StepSpec[];
      resolve(result: RawResult): void;
      reject(error: unknown): void;
    };

type InitMessage = Extract<ToWorker, { type: 'init' }>;

function spawn(needsTsx: boolean): Worker {
  const here = import.meta.url;
  const fromSource = here.endsWith('.ts');
  const entry = new URL(`./worker-main${fromSource ? '.ts' : '.js'}`, here).href;
  if (!needsTsx && !fromSource) return new Worker(new URL(entry));
  // TypeScript modules (our sources under test, or plugin sources ending in .ts) load through tsx's ESM hooks;
  // registering them from an eval'd bootstrap works where `execArgv: ['--import', 'tsx']` is ignored by Node 20 workers.
  // require.resolve gives tsx's CommonJS entry, which cannot be import()ed; workers need its ESM twin (.mjs).
  const tsxApi = pathToFileURL(
    createRequire(here)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  ).href;
  const code = `import(${JSON.stringify(tsxApi)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(code, { eval: true, execArgv: fromSource ? ['--conditions=source'] : [] });
}

/**
 * A pool of worker threads that each rebuild the recipe's operators from their plugin modules and run batches of
 * steps. `run` resolves per batch; callers keep results in input order.
 */
export class WorkerPool {
  private readonly idle: Worker[] = [];
  private readonly queue: Task[] = [];
  private readonly busy = new Map<Worker, Task>();
  private nextId = 0;
  private closed = false;

  private constructor(
    private readonly workers: Worker[],
    private readonly logger: Logger,
  ) {}

  /** Starts `size` workers and waits until each has built its operators. */
  static async start(size: number, init: Omit<InitMessage, 'type'>, logger: Logger): Promise<WorkerPool> {
    const needsTsx = init.sources.some((s) => /\.[cm]?ts$/.test(s));
    const workers = Array.from({ length: size }, () => spawn(needsTsx));
    const pool = new WorkerPool(workers, logger);
    try {
      await Promise.all(workers.map((w) => pool.initialise(w, init)));
    } catch (error) {
      await pool.close();
      throw error;
    }
    return pool;
  }

  private initialise(worker: Worker, init: Omit<InitMessage, 'type'>): Promise<void> {
    return new Promise((resolve, reject) => {
      const onError = (error: Error): void => {
        if (this.closed) return;
        const task = this.busy.get(worker);
        if (task) task.reject(error);
        reject(error);
      };
      worker.on('error', onError);
      worker.on('message', (message: FromWorker) => {
        switch (message.type) {
          case 'ready':
            this.idle.push(worker);
            resolve();
            this.pump();
            return;
          case 'init-error':
            reject(new Error(message.message));
            return;
          case 'log':
            this.logger[message.level](message.message, message.fields);
            return;
          case 'done':
          case 'done-raw':
          case 'failed': {
            const task = this.busy.get(worker);
            this.busy.delete(worker);
            this.idle.push(worker);
            if (task && message.type !== 'failed') (task.resolve as (r: unknown) => void)(message.result);
            else if (task && message.type === 'failed') task.reject(message.failure as StepFailure);
            this.pump();
            return;
          }
        }
      });
      worker.postMessage({ type: 'init', ...init } satisfies ToWorker);
    });
  }

  private pump(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.shift()!;
      const task = this.queue.shift()!;
      this.busy.set(worker, task);
      if ('raw' in task) {
        const { id, raw, steps, config } = task;
        worker.postMessage({ type: 'run-raw', id, raw, steps, config } satisfies ToWorker, [
          raw.bytes.buffer as ArrayBuffer,
        ]);
      } else worker.postMessage({ type: 'run', id: task.id, batch: task.batch, steps: task.steps } satisfies ToWorker);
    }
  }

  /** Number of workers. */
  get size(): number {
    return this.workers.length;
  }

  /** Runs a batch through steps on the next free worker. */
  run(batch: Batch, steps: StepSpec[]): Promise<StepsResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, batch, steps, resolve, reject });
      this.pump();
    });
  }

  /** Parses, runs and serialises a batch of raw lines on the next free worker (its bytes are transferred). */
  runRaw(raw: RawLines, steps: StepSpec[], config: RawConfig): Promise<RawResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, raw, config, steps, resolve, reject });
      this.pump();
    });
  }

  /** Stops every worker. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
