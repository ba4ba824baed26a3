// Over 300 lines: the per-batch segments, the barriers and the raw-lines path share the worker pool, the operator
// instances, the progress tasks and the per-op reports; split apart they would pass all of that around.
import { join } from 'node:path';
import {
  type DeduplicatorInstance,
  type HashRecord,
  jobError,
  type Logger,
  nestedQuery,
  type OperatorInstance,
  type Progress,
  type ProgressTask,
  type SelectorInstance,
} from '@dj-sandbox/core';
import type { DjRecipe, ResolvedOp } from '../recipe/recipe-types.ts';
import type { Batch, OriginTable } from './batch.ts';
import { createInstance } from './create-instance.ts';
import { orderedMap } from './ordered-map.ts';
import { type Barrier, planSegments, type Segment } from './plan-segments.ts';
import type { RawConfig, RawLines, RawLoadReport, RawResult } from './raw-batch.ts';
import { runRawSteps } from './raw-steps.ts';
import { isStepFailure, runSteps, type StepFailure, type StepSpec, type StepsResult } from './run-steps.ts';
import { SpillFile } from './spill-file.ts';
import { type LocalRunner, WorkerPool } from './worker-pool.ts';

/** What the pipeline needs from the run. */
export interface PipelineOptions {
  readonly recipe: DjRecipe;
  readonly mode: 'process' | 'analyze';
  readonly logger: Logger;
  readonly progress: Progress;
  /** Plugin module of each op name, when known (workers import it). */
  readonly sources: ReadonlyMap<string, string | undefined>;
  /** Threads to run batches on (already clamped): the main thread and `workers - 1` worker threads; 1 = main only. */
  readonly workers: number;
  /**
   * False: batches run in `workers` worker threads only and the main thread just reads, orders and writes (tests use
   * it to send every batch through a worker). Default true.
   */
  readonly mainThreadBatches?: boolean;
  readonly tempDir: string;
  readonly batchSize: number;
  readonly origins: OriginTable;
  readonly datasetDir?: string;
  readonly signal?: AbortSignal;
  readonly job?: string;
}

type StepCounts = Pick<StepsResult, 'inCounts' | 'outCounts' | 'seconds' | 'dropped'>;

/** Per-operator outcome, in `process` order. */
export interface OpReport {
  name: string;
  samplesOut: number;
  /**
   * Seconds the op took. On one thread, the time spent in it; with worker threads, its share of the wall-clock time
   * of the ops that ran together in the workers, in proportion to the time the workers spent in each, so that the
   * ops' times add up to the run's and not to a multiple of it.
   */
  seconds: number;
}

/**
 * Runs a recipe's operators over a stream of batches (docs/recipes.md#processing): per-batch steps on the main thread or in worker
 * threads (results kept in input order), deduplicators and selectors as two-pass barriers over a spill file.
 */
export class Pipeline {
  readonly reports: OpReport[];
  private readonly segments: Segment[];
  private readonly local = new Map<number, OperatorInstance>();
  private readonly tasks: ProgressTask[];
  private pool: WorkerPool | undefined;
  private readonly workerSegments = new Set<Segment>();

  constructor(private readonly options: PipelineOptions) {
    const { segments, skipped } = planSegments(options.recipe.ops, options.mode);
    this.segments = segments;
    for (const op of skipped)
      options.logger.info(`analyzer skips ${op.name} (process[${op.index}]): it produces no stats`);
    const n = options.recipe.ops.length;
    this.reports = options.recipe.ops.map((op) => ({ name: op.name, samplesOut: 0, seconds: 0 }));
    this.tasks = options.recipe.ops.map((op, i) =>
      options.progress.start(`[${i + 1}/${n}] ${op.name}`, undefined, 'samples'),
    );
  }

  /** Starts worker threads for the segments whose operators all come from plugin modules. */
  async start(): Promise<void> {
    const { workers, recipe, sources, logger } = this.options;
    if (workers <= 1) return;
    if (this.segments.every((segment) => segment.steps.length === 0)) {
      // Reading and writing on the main thread are then the whole job: parsing in workers only adds the transfers
      // (measured slower than one thread), so np changes nothing here.
      logger.info(`running on one thread whatever np (${workers}): the recipe has no per-sample operators`);
      return;
    }
    const opsInWorkers = new Map<number, ResolvedOp>();
    for (const segment of this.segments) {
      if (segment.steps.length === 0) continue;
      const missing = segment.steps.filter((s) => !sources.get(s.name));
      if (missing.length > 0) {
        logger.warn(
          `running ${missing.map((s) => s.name).join(', ')} on the main thread: registered in-process without a plugin module, so worker threads cannot load it`,
        );
        continue;
      }
      this.workerSegments.add(segment);
      for (const step of segment.steps) opsInWorkers.set(step.op, recipe.ops[step.op]!);
    }
    if (this.workerSegments.size === 0) return;
    const moduleList = [...new Set([...opsInWorkers.values()].map((op) => sources.get(op.name)!))];
    const mainThreadBatches = this.options.mainThreadBatches !== false;
    this.pool = WorkerPool.start(
      workers,
      {
        sources: moduleList,
        ops: [...opsInWorkers.entries()].map(([op, r]) => ({ op, name: r.name, config: r.config })),
        workDir: recipe.workDir,
        ...(this.options.datasetDir ? { datasetDir: this.options.datasetDir } : {}),
      },
      this.localRunner(),
      logger,
      mainThreadBatches,
    );
    const names = [...opsInWorkers.values()].map((o) => o.name);
    const threads = mainThreadBatches
      ? `${workers} threads (the main thread and ${workers - 1} worker thread${workers > 2 ? 's' : ''})`
      : `${workers} worker threads`;
    logger.info(`running ${names.join(', ')} on ${threads}`);
  }

  /** The main thread as one of the pool's executors, with its own operator instances. */
  private localRunner(): LocalRunner {
    const instancesFor = async (steps: readonly StepSpec[]): Promise<Map<number, OperatorInstance>> => {
      const instances = new Map<number, OperatorInstance>();
      for (const step of steps) instances.set(step.op, await this.instance(step.op));
      return instances;
    };
    return {
      run: async (batch, steps) => runSteps(batch, steps, await instancesFor(steps)),
      runRaw: async (raw, steps, config) => runRawSteps(raw, steps, await instancesFor(steps), config),
    };
  }

  private async instance(op: number): Promise<OperatorInstance> {
    let inst = this.local.get(op);
    if (!inst) {
      const resolved = this.options.recipe.ops[op]!;
      const env = {
        workDir: this.options.recipe.workDir,
        logger: this.options.logger.child({ op: resolved.name }),
        ...(this.options.datasetDir ? { datasetDir: this.options.datasetDir } : {}),
      };
      inst = await createInstance(resolved.definition, resolved.config, env, op);
      this.local.set(op, inst);
    }
    return inst;
  }

  private fail(failure: StepFailure): Error {
    const op = this.options.recipe.ops[failure.op];
    const where = this.options.origins.describe(failure.origin);
    return jobError(
      'op-failed',
      `operator ${failure.name} failed on the sample from ${where}: ${failure.message}`,
      {
        path: op ? `process[${op.index}]` : 'process',
        ...(this.options.job ? { job: this.options.job } : {}),
        operator: failure.name,
        sample: where,
        fix: 'Fix the operator or the input sample, or set skip_op_error: true to drop failing samples.',
      },
      failure.stack ? Object.assign(new Error(failure.message), { stack: failure.stack }) : undefined,
    );
  }

  private account(segment: Segment, result: StepCounts, busy: Float64Array): void {
    segment.steps.forEach((step, k) => {
      this.tasks[step.op]!.tick(result.inCounts[k]!);
      this.reports[step.op]!.samplesOut += result.outCounts[k]!;
      busy[k]! += result.seconds[k]!;
    });
    for (const d of result.dropped) {
      this.options.logger.warn(
        `${d.name} failed on the sample from ${this.options.origins.describe(d.origin)}; dropped it (skip_op_error): ${d.error}`,
        { op: d.name, sample: this.options.origins.describe(d.origin) },
      );
    }
  }

  private async *streamSegment(input: AsyncIterable<Batch>, segment: Segment): AsyncGenerator<Batch> {
    const signal = this.options.signal;
    const pool = this.workerSegments.has(segment) ? this.pool : undefined;
    let call: (batch: Batch) => Promise<StepsResult>;
    if (pool) call = (batch) => pool.run(batch, segment.steps);
    else {
      const instances = new Map<number, OperatorInstance>();
      for (const step of segment.steps) instances.set(step.op, await this.instance(step.op));
      call = (batch) => runSteps(batch, segment.steps, instances);
    }
    const busy = new Float64Array(segment.steps.length);
    const started = performance.now();
    try {
      for await (const result of orderedMap(input, call, pool ? pool.window : 1)) {
        this.checkAborted(signal);
        this.account(segment, result, busy);
        if (result.batch.samples.length) yield result.batch;
      }
    } catch (error) {
      throw isStepFailure(error) ? this.fail(error) : error;
    }
    this.addTimes(segment, busy, pool ? (performance.now() - started) / 1000 : undefined);
  }

  private checkAborted(signal: AbortSignal | undefined): void {
    if (signal?.aborted)
      throw jobError('aborted', 'the run was cancelled.', this.options.job ? { job: this.options.job } : {});
  }

  /** Adds a segment's step times: busy seconds on one thread, shares of the wall time `wall` with workers. */
  private addTimes(segment: Segment, busy: Float64Array, wall: number | undefined): void {
    const total = busy.reduce((a, b) => a + b, 0);
    segment.steps.forEach((step, k) => {
      this.reports[step.op]!.seconds += wall === undefined ? busy[k]! : total > 0 ? (wall * busy[k]!) / total : 0;
    });
  }

  /**
   * Where the raw-lines path leads (see {@link runRaw}): `export` when the whole recipe runs in workers as one
   * segment, `spill` when the first segment ends in a deduplicator; undefined when batches must be parsed here.
   */
  rawOutput(): 'export' | 'spill' | undefined {
    const first = this.segments[0];
    if (!this.pool || !first || !this.workerSegments.has(first)) return undefined;
    if (!first.barrier) return this.segments.length === 1 ? 'export' : undefined;
    return first.barrier.kind === 'dedup' ? 'spill' : undefined;
  }

  /**
   * Runs the recipe over raw input lines: workers parse, run the first segment and serialise. Yields each batch's
   * serialised result (export) or, after a deduplicator's spill, parsed batches of the remaining segments.
   * `onLoad` sees each batch's load report in input order (malformed lines, schema, counts).
   */
  async *runRaw(
    input: AsyncIterable<RawLines>,
    config: Pick<RawConfig, 'textKeys' | 'mediaKeys' | 'excludeTop' | 'withDataset'>,
    onLoad: (report: RawLoadReport) => void,
  ): AsyncGenerator<RawResult | Batch> {
    const output = this.rawOutput();
    const pool = this.pool;
    const [first, ...rest] = this.segments;
    if (!output || !pool || !first) throw new Error('runRaw needs rawOutput() to be defined');
    const hashKeys =
      output === 'spill' ? ((await this.instance(first.barrier!.op.index)) as DeduplicatorInstance).hashKeys : [];
    const full: RawConfig = { ...config, output, hashKeys };
    this.options.logger.info(
      `worker threads parse the input lines and serialise the ${output === 'spill' ? 'spill file' : 'export'}`,
    );
    const busy = new Float64Array(first.steps.length);
    const started = performance.now();
    const signal = this.options.signal;
    const self = this;
    async function* results(): AsyncGenerator<RawResult> {
      try {
        for await (const result of orderedMap(input, (raw) => pool!.runRaw(raw, first!.steps, full), pool!.window)) {
          self.checkAborted(signal);
          onLoad(result.load);
          self.account(first!, result, busy);
          yield result;
        }
      } catch (error) {
        throw isStepFailure(error) ? self.fail(error) : error;
      }
      self.addTimes(first!, busy, (performance.now() - started) / 1000);
    }
    if (output === 'export') {
      yield* results();
      for (const task of this.tasks) task.done();
      return;
    }
    const next = rest[0];
    const restInWorkers = rest.length === 0 || (rest.length === 1 && !next!.barrier && this.workerSegments.has(next!));
    if (!restInWorkers) {
      yield* this.runSegments(await this.barrier(results(), first.barrier!, 0), rest, 1);
      return;
    }
    // The kept rows go back to the workers as raw lines: they run the remaining ops and serialise the export.
    const kept = await this.barrier(results(), first.barrier!, 0, true);
    const steps = next?.steps ?? [];
    const exportConfig: RawConfig = { ...config, output: 'export', hashKeys: [] };
    const restBusy = new Float64Array(steps.length);
    const restStarted = performance.now();
    try {
      for await (const result of orderedMap(kept, (raw) => pool.runRaw(raw, steps, exportConfig), pool.window)) {
        this.checkAborted(signal);
        if (next) this.account(next, result, restBusy);
        yield result;
      }
    } catch (error) {
      throw isStepFailure(error) ? this.fail(error) : error;
    }
    if (next) this.addTimes(next, restBusy, (performance.now() - restStarted) / 1000);
    for (const task of this.tasks) task.done();
  }

  private async barrier(
    input: AsyncIterable<Batch | RawResult>,
    barrier: Barrier,
    n: number,
  ): Promise<AsyncGenerator<Batch>>;
  private async barrier(
    input: AsyncIterable<Batch | RawResult>,
    barrier: Barrier,
    n: number,
    rawOut: true,
  ): Promise<AsyncGenerator<RawLines>>;
  /** `rawOut`: a deduplicator's kept rows come out as raw lines for workers (see {@link runRaw}). */
  private async barrier(
    input: AsyncIterable<Batch | RawResult>,
    barrier: Barrier,
    n: number,
    rawOut = false,
  ): Promise<AsyncGenerator<Batch | RawLines>> {
    const spill = new SpillFile(join(this.options.tempDir, `${barrier.kind}-${barrier.op.index}-${n}.jsonl`));
    const op = barrier.op.index;
    const inst = await this.instance(op);
    let index = 0;
    const records: HashRecord[] = [];
    const rows: Array<{ index: number; values: unknown[] }> = [];
    const hashKeys = barrier.kind === 'dedup' ? (inst as DeduplicatorInstance).hashKeys : [];
    // A deduplicator with a collector keeps the hashes packed; otherwise one record per sample is kept.
    const collector = barrier.kind === 'dedup' ? (inst as DeduplicatorInstance).collect?.() : undefined;
    const addHashes = (hashes: Record<string, unknown>): void => {
      if (collector) collector.add(hashes);
      else records.push({ index, hashes });
      index++;
    };
    const fields = barrier.kind === 'select' ? (inst as SelectorInstance).fields : [];
    for await (const batch of input) {
      if (!('samples' in batch)) {
        // Serialised by a worker (raw-lines path): the spill text and the hash values come ready.
        for (let i = 0; i < batch.count; i++) {
          const hashes: Record<string, unknown> = {};
          for (const key of hashKeys) hashes[key] = batch.hashes![key]![i];
          addHashes(hashes);
        }
        await spill.appendSerialized(batch.spill!, batch.origins!);
        continue;
      }
      for (const sample of batch.samples) {
        if (barrier.kind === 'dedup') {
          const hashes: Record<string, unknown> = {};
          for (const key of hashKeys) {
            const value = sample[key];
            hashes[key] = value;
            // Typed-array signatures (MinHash) go to the spill file and the export as plain lists, not {"0": ...}.
            if (ArrayBuffer.isView(value)) sample[key] = Array.from(value as unknown as ArrayLike<number>);
          }
          addHashes(hashes);
        } else {
          rows.push({ index, values: fields.map((f) => nestedQuery(sample, f) ?? null) });
          this.tasks[op]!.tick(1);
          index++;
        }
      }
      await spill.append(batch);
    }
    await spill.close();
    const started = performance.now();
    let stream: AsyncGenerator<Batch | RawLines>;
    if (barrier.kind === 'dedup') {
      // Data-Juicer returns datasets of at most one row unchanged.
      let keep: (index: number) => boolean;
      if (spill.count <= 1) keep = () => true;
      else if (collector) {
        const flags = await collector.finish();
        keep = (i) => flags[i] === 1;
      } else keep = await (inst as DeduplicatorInstance).selectUnique(records);
      stream = rawOut ? spill.readRaw(this.options.batchSize, keep) : spill.read(this.options.batchSize, keep);
    } else {
      const kept = await (inst as SelectorInstance).select(rows);
      const ascending = kept.every((v, i) => i === 0 || v > kept[i - 1]!);
      if (ascending) {
        const set = new Set(kept);
        stream = spill.read(this.options.batchSize, (i) => set.has(i));
      } else stream = spill.readAt(kept.length, (k) => kept[k]!, this.options.batchSize);
    }
    this.reports[op]!.seconds += (performance.now() - started) / 1000;
    this.reports[op]!.samplesOut = 0;
    const report = this.reports[op]!;
    async function* counted(): AsyncGenerator<Batch | RawLines> {
      for await (const batch of stream) {
        report.samplesOut += 'samples' in batch ? batch.samples.length : batch.lineCount;
        yield batch;
      }
    }
    return counted();
  }

  /** The output stream of the whole recipe over `input`. */
  run(input: AsyncIterable<Batch>): AsyncGenerator<Batch> {
    return this.runSegments(input, this.segments, 0);
  }

  private async *runSegments(
    input: AsyncIterable<Batch>,
    segments: Segment[],
    barriers: number,
  ): AsyncGenerator<Batch> {
    let stream: AsyncIterable<Batch> = input;
    let n = barriers;
    for (const segment of segments) {
      if (segment.steps.length > 0) stream = this.streamSegment(stream, segment);
      if (segment.barrier) stream = await this.barrier(stream, segment.barrier, n++);
    }
    yield* stream;
    for (const task of this.tasks) task.done();
  }

  /** Stops worker threads. */
  async close(): Promise<void> {
    if (this.pool) {
      const { main, workers } = this.pool.shares;
      this.options.logger.debug(`batches run: ${main} on the main thread, ${workers} in worker threads`);
    }
    await this.pool?.close();
  }
}
