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

/**
 * Runs batches on the main thread, with the main thread's own operator instances: the pool's in-process executor
 * (see docs/data-engines.md, "Threads").
 */
export interface LocalRunner {
  /** Runs parsed samples through steps. */
  run(batch: Batch, steps: StepSpec[]): Promise<StepsResult>;
  /** Parses, runs and serialises raw lines exactly as a worker does. */
  runRaw(raw: RawLines, steps: StepSpec[], config: RawConfig): Promise<RawResult>;
}

/** How many batches of the whole run each executor took. */
export interface PoolShares {
  /** Batches run on the main thread. */
  main: number;
  /** Batches run in worker threads. */
  workers: number;
}

/**
 * Tasks a worker holds at once: the one it runs and the next, waiting in its message queue, so that it never waits
 * for the main thread (busy with a batch of its own, or writing) to hand it more.
 */
const PER_WORKER = 2;

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
 * The executors of a run with np > 1: the main thread (through a {@link LocalRunner}) and np - 1 worker threads that
 * each rebuild the recipe's operators from their plugin modules. Work starts at once on the main thread while the
 * workers load their modules; each ready worker then holds up to two batches, and the main thread takes the next
 * one whenever it is free. `run` / `runRaw` resolve per batch; callers keep results in input order.
 */
export class WorkerPool {
  private readonly ready: Worker[] = [];
  private readonly queue: Task[] = [];
  private readonly held = new Map<Worker, Map<number, Task>>();
  private localBusy = false;
  private warned = false;
  private nextId = 0;
  private closed = false;
  private readonly counts: PoolShares = { main: 0, workers: 0 };

  private constructor(
    private readonly workers: Worker[],
    private readonly local: LocalRunner,
    private readonly logger: Logger,
    private readonly mainThreadBatches: boolean,
  ) {}

  /**
   * Starts `size - 1` workers (the main thread is the other executor) without waiting for them: a worker that fails
   * to build its operators is logged and left out, and the main thread carries on. With `mainThreadBatches` false,
   * every batch goes to a worker (`size` of them) and the main thread only reads, orders and writes.
   */
  static start(
    size: number,
    init: Omit<InitMessage, 'type'>,
    local: LocalRunner,
    logger: Logger,
    mainThreadBatches = true,
  ): WorkerPool {
    const needsTsx = init.sources.some((s) => /\.[cm]?ts$/.test(s));
    const count = mainThreadBatches ? size - 1 : size;
    const workers: Worker[] = [];
    const failures: string[] = [];
    for (let i = 0; i < count; i++) {
      try {
        workers.push(spawn(needsTsx));
      } catch (error) {
        failures.push((error as Error)?.message ?? String(error));
      }
    }
    const pool = new WorkerPool(workers, local, logger, mainThreadBatches);
    for (const reason of failures) pool.leftOut(reason);
    for (const worker of workers) pool.initialise(worker, init);
    return pool;
  }

  /** Logs (once) that a worker could not start or load the operators; the other threads run its share. */
  private leftOut(reason: string): void {
    if (this.warned) return;
    this.warned = true;
    this.logger.warn(`a worker thread could not load the operators; the other threads run its share: ${reason}`);
  }

  private initialise(worker: Worker, init: Omit<InitMessage, 'type'>): void {
    let loaded = false;
    // A worker that failed or died is out of every list: `size` counts only live ones, and without the main thread
    // as an executor, pump() rejects queued tasks once none is left instead of letting them wait forever.
    const leave = (reason: string): void => {
      for (const list of [this.ready, this.workers]) {
        const at = list.indexOf(worker);
        if (at >= 0) list.splice(at, 1);
      }
      this.held.delete(worker);
      if (!loaded) this.leftOut(reason);
    };
    worker.on('error', (error: Error) => {
      if (this.closed) return;
      const held = this.held.get(worker);
      leave(error.message);
      for (const task of held?.values() ?? []) task.reject(error);
      this.pump();
    });
    worker.on('message', (message: FromWorker) => {
      switch (message.type) {
        case 'ready':
          loaded = true;
          this.held.set(worker, new Map());
          this.ready.push(worker);
          this.pump();
          return;
        case 'init-error':
          leave(message.message);
          void worker.terminate();
          this.pump();
          return;
        case 'log':
          this.logger[message.level](message.message, message.fields);
          return;
        case 'done':
        case 'done-raw':
        case 'failed': {
          const held = this.held.get(worker);
          const task = held?.get(message.id);
          held?.delete(message.id);
          if (task && message.type !== 'failed') (task.resolve as (r: unknown) => void)(message.result);
          else if (task && message.type === 'failed') task.reject(message.failure as StepFailure);
          this.pump();
          return;
        }
      }
    });
    worker.postMessage({ type: 'init', ...init } satisfies ToWorker);
  }

  /** The ready worker holding the fewest tasks, if one holds fewer than {@link PER_WORKER}. */
  private freeWorker(): Worker | undefined {
    let best: Worker | undefined;
    let least = PER_WORKER;
    for (const worker of this.ready) {
      const n = this.held.get(worker)!.size;
      if (n < least) {
        best = worker;
        least = n;
      }
    }
    return best;
  }

  private pump(): void {
    while (this.queue.length > 0 && !this.closed) {
      // Workers first, up to two batches each: the main thread, once it starts a batch, answers nobody until it is
      // done, so a worker must already hold its next one; the main thread takes what the workers cannot.
      const worker = this.freeWorker();
      if (worker) {
        this.send(worker, this.queue.shift()!);
        continue;
      }
      if (this.canRunLocally()) {
        this.runLocally(this.queue.shift()!);
        continue;
      }
      if (!this.mainThreadBatches && this.workers.length === 0) {
        for (const task of this.queue.splice(0)) task.reject(new Error('no worker thread could load the operators'));
      }
      return;
    }
  }

  private canRunLocally(): boolean {
    return this.mainThreadBatches && !this.localBusy;
  }

  private send(worker: Worker, task: Task): void {
    this.held.get(worker)!.set(task.id, task);
    this.counts.workers++;
    if ('raw' in task) {
      const { id, raw, steps, config } = task;
      worker.postMessage({ type: 'run-raw', id, raw, steps, config } satisfies ToWorker, [
        raw.bytes.buffer as ArrayBuffer,
      ]);
    } else worker.postMessage({ type: 'run', id: task.id, batch: task.batch, steps: task.steps } satisfies ToWorker);
  }

  private runLocally(task: Task): void {
    this.localBusy = true;
    this.counts.main++;
    // On the next turn of the event loop: the caller goes on reading ahead and handing out batches first.
    setImmediate(async () => {
      try {
        if ('raw' in task) task.resolve(await this.local.runRaw(task.raw, task.steps, task.config));
        else task.resolve(await this.local.run(task.batch, task.steps));
      } catch (error) {
        task.reject(error);
      } finally {
        this.localBusy = false;
        this.pump();
      }
    });
  }

  /** Number of executors (the main thread, when it takes batches, and the workers). */
  get size(): number {
    return this.workers.length + (this.mainThreadBatches ? 1 : 0);
  }

  /**
   * Batches a caller should keep in flight: four per executor. Results are taken in input order, so finished ones
   * wait behind a slower batch; with fewer in flight a worker that runs ahead runs dry while the main thread is
   * still busy with an earlier batch (measured: a worker idle a quarter of the run with two per executor).
   */
  get window(): number {
    return this.size * 4;
  }

  /** Batches run so far on the main thread and in workers. */
  get shares(): Readonly<PoolShares> {
    return this.counts;
  }

  /** Runs a batch through steps on the next free executor. */
  run(batch: Batch, steps: StepSpec[]): Promise<StepsResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, batch, steps, resolve, reject });
      this.pump();
    });
  }

  /** Parses, runs and serialises a batch of raw lines on the next free executor (bytes sent to a worker move). */
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
