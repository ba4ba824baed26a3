import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { Rng } from './rng.ts';

/** One point of a loss curve. */
export interface LossPoint {
  step: number;
  /** Mean training loss over the steps since the previous point. */
  loss: number;
  lr: number;
  /** Training throughput since the previous point (tokens or samples per second). */
  throughput: number;
}

/** What a training loop reports back. */
export interface TrainLoopResult {
  curve: LossPoint[];
  steps: number;
  /** Items (tokens or samples) trained on. */
  items: number;
  seconds: number;
  /** True when the abort signal stopped training early. */
  stopped: boolean;
}

/** The model-specific part of a training loop. */
export interface TrainLoopSpec {
  /** Number of training items (positions or samples), shuffled each epoch. */
  items: number;
  batchSize: number;
  epochs: number;
  /** Stop after this many steps (null: run every epoch). */
  maxSteps: number | null;
  logInterval: number;
  rng: Rng;
  signal: AbortSignal;
  /** Learning rate at a step, given the total number of steps. */
  lr(step: number, total: number): number;
  /** Trains on one batch of item indices with `lr`; returns the summed loss and how many units it covers. */
  trainBatch(batch: Int32Array, lr: number): { loss: number; units: number };
  onLog(point: LossPoint): void;
  onStep(step: number): void;
}

/** Total steps a spec will run. */
export function totalSteps(spec: Pick<TrainLoopSpec, 'items' | 'batchSize' | 'epochs' | 'maxSteps'>): number {
  const full = Math.ceil(spec.items / spec.batchSize) * spec.epochs;
  return spec.maxSteps === null ? full : Math.min(full, spec.maxSteps);
}

/**
 * Mini-batch training shared by both models: shuffled epochs from a seeded generator, a loss point every
 * `logInterval` steps, and a check of the abort signal between steps (the event loop gets a turn, so an abort
 * from a timer or a signal handler is seen).
 */
export async function runTrainLoop(spec: TrainLoopSpec): Promise<TrainLoopResult> {
  const total = totalSteps(spec);
  const order = new Int32Array(spec.items);
  const curve: LossPoint[] = [];
  const began = performance.now();
  let step = 0;
  let items = 0;
  let windowLoss = 0;
  let windowUnits = 0;
  let windowItems = 0;
  let windowStart = began;
  let stopped = false;
  outer: for (let epoch = 0; epoch < spec.epochs; epoch++) {
    for (let i = 0; i < order.length; i++) order[i] = i;
    spec.rng.shuffle(order);
    for (let from = 0; from < order.length; from += spec.batchSize) {
      if (step >= total) break outer;
      await yieldToEventLoop();
      if (spec.signal.aborted) {
        stopped = true;
        break outer;
      }
      const batch = order.subarray(from, Math.min(order.length, from + spec.batchSize));
      const lr = spec.lr(step, total);
      const { loss, units } = spec.trainBatch(batch, lr);
      windowLoss += loss;
      windowUnits += units;
      windowItems += units;
      items += units;
      step++;
      spec.onStep(step);
      if (step % spec.logInterval === 0 || step === total) {
        const now = performance.now();
        const point = {
          step,
          loss: windowLoss / Math.max(1, windowUnits),
          lr,
          throughput: windowItems / Math.max(1e-9, (now - windowStart) / 1000),
        };
        curve.push(point);
        spec.onLog(point);
        windowLoss = 0;
        windowUnits = 0;
        windowItems = 0;
        windowStart = now;
      }
    }
  }
  return { curve, steps: step, items, seconds: (performance.now() - began) / 1000, stopped };
}
