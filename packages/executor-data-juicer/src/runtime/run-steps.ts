import type { DeduplicatorInstance, FilterInstance, MapperInstance, OperatorInstance, Sample } from '@dj-sandbox/core';
import { type Batch, UNKNOWN_ORIGIN } from './batch.ts';
import { cloneSample } from './clone-sample.ts';

/** What a per-batch step does with its operator. `stats` is the analyzer's filter step (stats only, no drop). */
export type StepKind = 'mapper' | 'filter' | 'stats' | 'hash';

/** A step's identity, as sent to workers. */
export interface StepSpec {
  readonly kind: StepKind;
  /** Index into the recipe's resolved ops. */
  readonly op: number;
  readonly name: string;
  readonly skipOpError: boolean;
}

/** A sample an operator failed on and that was dropped (`skip_op_error`). */
export interface DroppedSample {
  readonly op: number;
  readonly name: string;
  readonly origin: number;
  readonly error: string;
}

/** Thrown when an operator fails and `skip_op_error` is false; plain data so it crosses worker boundaries. */
export interface StepFailure {
  readonly $$stepFailure: true;
  readonly op: number;
  readonly name: string;
  readonly origin: number;
  readonly message: string;
  readonly stack?: string;
}

/** The outcome of running a batch through steps. */
export interface StepsResult {
  batch: Batch;
  /** Samples into each step. */
  inCounts: number[];
  /** Samples out of each step. */
  outCounts: number[];
  /** Seconds spent in each step. */
  seconds: number[];
  dropped: DroppedSample[];
}

/** True for a {@link StepFailure}. */
export function isStepFailure(value: unknown): value is StepFailure {
  return typeof value === 'object' && value !== null && (value as StepFailure).$$stepFailure === true;
}

function failure(step: StepSpec, origin: number, error: unknown): StepFailure {
  const e = error as Error;
  return {
    $$stepFailure: true,
    op: step.op,
    name: step.name,
    origin,
    message: e?.message ?? String(error),
    ...(e?.stack ? { stack: e.stack } : {}),
  };
}

function message(error: unknown): string {
  return (error as Error)?.message ?? String(error);
}

/**
 * Runs `call` on the whole batch; if it throws, retries sample by sample to find the failing ones. With
 * `skipOpError` those are dropped and reported; without, the first one aborts with a {@link StepFailure}.
 * `inputs` are the samples to retry with (pristine copies where the call may have mutated the batch).
 */
async function guarded<R>(
  step: StepSpec,
  batch: Batch,
  inputs: () => Sample[],
  call: (samples: Sample[]) => Promise<R>,
  dropped: DroppedSample[],
): Promise<{ whole: R } | { each: Array<{ index: number; result: R }> }> {
  try {
    return { whole: await call(batch.samples) };
  } catch (batchError) {
    const retry = inputs();
    const each: Array<{ index: number; result: R }> = [];
    for (let i = 0; i < retry.length; i++) {
      try {
        each.push({ index: i, result: await call([retry[i]!]) });
      } catch (error) {
        if (!step.skipOpError) throw failure(step, batch.origins[i]!, error);
        dropped.push({ op: step.op, name: step.name, origin: batch.origins[i]!, error: message(error) });
      }
    }
    if (each.length === retry.length && !step.skipOpError)
      throw failure(step, batch.origins[0] ?? UNKNOWN_ORIGIN, batchError);
    return { each };
  }
}

async function runMapper(step: StepSpec, op: MapperInstance, batch: Batch, dropped: DroppedSample[]): Promise<Batch> {
  // Mappers may edit samples in place; keep pristine copies so a per-sample retry starts from the input.
  const pristine = step.skipOpError ? batch.samples.map(cloneSample) : undefined;
  const outcome = await guarded(
    step,
    batch,
    () => pristine ?? batch.samples,
    async (s) => op.processBatch(s),
    dropped,
  );
  if ('whole' in outcome) {
    const out = outcome.whole;
    return {
      samples: out,
      origins: out.length === batch.samples.length ? batch.origins : out.map(() => UNKNOWN_ORIGIN),
    };
  }
  const next: Batch = { samples: [], origins: [] };
  for (const { index, result } of outcome.each) {
    for (const s of result) {
      next.samples.push(s);
      next.origins.push(batch.origins[index]!);
    }
  }
  return next;
}

function ensureStats(samples: Sample[]): void {
  for (const s of samples) {
    const stats = s.__dj__stats__;
    if (typeof stats !== 'object' || stats === null) s.__dj__stats__ = {};
  }
}

function subset(batch: Batch, indices: number[]): Batch {
  return { samples: indices.map((i) => batch.samples[i]!), origins: indices.map((i) => batch.origins[i]!) };
}

async function runFilter(step: StepSpec, op: FilterInstance, batch: Batch, dropped: DroppedSample[]): Promise<Batch> {
  ensureStats(batch.samples);
  const outcome = await guarded(
    step,
    batch,
    () => batch.samples,
    async (s) => op.computeStats(s),
    dropped,
  );
  const computed =
    'whole' in outcome
      ? batch
      : subset(
          batch,
          outcome.each.map((e) => e.index),
        );
  if (step.kind === 'stats') return computed;
  const kept: number[] = [];
  for (let i = 0; i < computed.samples.length; i++) {
    try {
      if (op.keep(computed.samples[i]!)) kept.push(i);
    } catch (error) {
      if (!step.skipOpError) throw failure(step, computed.origins[i]!, error);
      dropped.push({ op: step.op, name: step.name, origin: computed.origins[i]!, error: message(error) });
    }
  }
  return kept.length === computed.samples.length ? computed : subset(computed, kept);
}

async function runHash(
  step: StepSpec,
  op: DeduplicatorInstance,
  batch: Batch,
  dropped: DroppedSample[],
): Promise<Batch> {
  const outcome = await guarded(
    step,
    batch,
    () => batch.samples,
    async (s) => op.computeHash(s),
    dropped,
  );
  return 'whole' in outcome
    ? batch
    : subset(
        batch,
        outcome.each.map((e) => e.index),
      );
}

/** Runs a batch through consecutive per-batch steps (the same code on the main thread and in workers). */
export async function runSteps(
  batch: Batch,
  steps: readonly StepSpec[],
  instances: ReadonlyMap<number, OperatorInstance>,
): Promise<StepsResult> {
  const result: StepsResult = { batch, inCounts: [], outCounts: [], seconds: [], dropped: [] };
  let current = batch;
  for (const step of steps) {
    const op = instances.get(step.op)!;
    const started = performance.now();
    result.inCounts.push(current.samples.length);
    if (current.samples.length > 0) {
      if (step.kind === 'mapper') current = await runMapper(step, op as MapperInstance, current, result.dropped);
      else if (step.kind === 'hash') current = await runHash(step, op as DeduplicatorInstance, current, result.dropped);
      else current = await runFilter(step, op as FilterInstance, current, result.dropped);
    }
    result.outCounts.push(current.samples.length);
    result.seconds.push((performance.now() - started) / 1000);
  }
  result.batch = current;
  return result;
}
