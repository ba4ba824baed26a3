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
import { isStepFailure, runSteps, type StepFailure, type StepsResult } from './run-steps.ts';
import { SpillFile } from './spill-file.ts';
import { WorkerPool } from './worker-pool.ts';

/** What the pipeline needs from the run. */
export interface PipelineOptions {
  readonly recipe: DjRecipe;
  readonly mode: 'process' | 'analyze';
  readonly logger: Logger;
  readonly progress: Progress;
  /** Plugin module of each op name, when known (workers import it). */
  readonly sources: ReadonlyMap<string, string | undefined>;
  /** Worker threads to use (already clamped); 1 = main thread only. */
  readonly workers: number;
  readonly tempDir: string;
  readonly batchSize: number;
  readonly origins: OriginTable;
  readonly datasetDir?: string;
  readonly signal?: AbortSignal;
  readonly job?: string;
}

/** Per-operator outcome, in `process` order. */
export interface OpReport {
  name: string;
  samplesOut: number;
  seconds: number;
}

/**
 * Runs a recipe's operators over a stream of batches (spec §3): per-batch steps on the main thread or in worker
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
    if (opsInWorkers.size === 0) return;
    const moduleList = [...new Set([...opsInWorkers.values()].map((op) => sources.get(op.name)!))];
    try {
      this.pool = await WorkerPool.start(
        workers,
        {
          sources: moduleList,
          ops: [...opsInWorkers.entries()].map(([op, r]) => ({ op, name: r.name, config: r.config })),
          workDir: recipe.workDir,
          ...(this.options.datasetDir ? { datasetDir: this.options.datasetDir } : {}),
        },
        logger,
      );
      logger.info(`running ${[...opsInWorkers.values()].map((o) => o.name).join(', ')} on ${workers} worker threads`);
    } catch (error) {
      logger.warn(
        `worker threads could not load the operators, running on the main thread: ${(error as Error).message}`,
      );
      this.workerSegments.clear();
    }
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

  private account(segment: Segment, result: StepsResult): void {
    segment.steps.forEach((step, k) => {
      this.tasks[step.op]!.tick(result.inCounts[k]!);
      this.reports[step.op]!.samplesOut += result.outCounts[k]!;
      this.reports[step.op]!.seconds += result.seconds[k]!;
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
    try {
      for await (const result of orderedMap(input, call, pool ? pool.size * 2 : 1)) {
        if (signal?.aborted)
          throw jobError('aborted', 'the run was cancelled.', this.options.job ? { job: this.options.job } : {});
        this.account(segment, result);
        if (result.batch.samples.length) yield result.batch;
      }
    } catch (error) {
      throw isStepFailure(error) ? this.fail(error) : error;
    }
  }

  private async barrier(input: AsyncIterable<Batch>, barrier: Barrier, n: number): Promise<AsyncGenerator<Batch>> {
    const spill = new SpillFile(join(this.options.tempDir, `${barrier.kind}-${barrier.op.index}-${n}.jsonl`));
    const op = barrier.op.index;
    const inst = await this.instance(op);
    let index = 0;
    const records: HashRecord[] = [];
    const rows: Array<{ index: number; values: unknown[] }> = [];
    const hashKeys = barrier.kind === 'dedup' ? (inst as DeduplicatorInstance).hashKeys : [];
    const fields = barrier.kind === 'select' ? (inst as SelectorInstance).fields : [];
    for await (const batch of input) {
      for (const sample of batch.samples) {
        if (barrier.kind === 'dedup') {
          const hashes: Record<string, unknown> = {};
          for (const key of hashKeys) {
            const value = sample[key];
            hashes[key] = value;
            // Typed-array signatures (MinHash) go to the spill file and the export as plain lists, not {"0": ...}.
            if (ArrayBuffer.isView(value)) sample[key] = Array.from(value as unknown as ArrayLike<number>);
          }
          records.push({ index, hashes });
        } else {
          rows.push({ index, values: fields.map((f) => nestedQuery(sample, f) ?? null) });
          this.tasks[op]!.tick(1);
        }
        index++;
      }
      await spill.append(batch);
    }
    await spill.close();
    const started = performance.now();
    let stream: AsyncGenerator<Batch>;
    if (barrier.kind === 'dedup') {
      // Data-Juicer returns datasets of at most one row unchanged.
      const keep = spill.count <= 1 ? () => true : await (inst as DeduplicatorInstance).selectUnique(records);
      stream = spill.read(this.options.batchSize, keep);
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
    async function* counted(): AsyncGenerator<Batch> {
      for await (const batch of stream) {
        report.samplesOut += batch.samples.length;
        yield batch;
      }
    }
    return counted();
  }

  /** The output stream of the whole recipe over `input`. */
  async *run(input: AsyncIterable<Batch>): AsyncGenerator<Batch> {
    let stream: AsyncIterable<Batch> = input;
    let n = 0;
    for (const segment of this.segments) {
      if (segment.steps.length > 0) stream = this.streamSegment(stream, segment);
      if (segment.barrier) stream = await this.barrier(stream, segment.barrier, n++);
    }
    yield* stream;
    for (const task of this.tasks) task.done();
  }

  /** Stops worker threads. */
  async close(): Promise<void> {
    await this.pool?.close();
  }
}
