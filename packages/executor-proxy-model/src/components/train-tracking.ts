import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ComponentEnv, ProgressTask } from '@dj-sandbox/core';
import type { LossPoint } from '../util/train-loop.ts';
import { metricKey } from './component-io.ts';

/** How a training run reports: the progress bar, the tracker (live curves) and the log. */
export interface TrainReporter {
  start(totalSteps: number): void;
  step(): void;
  log(point: LossPoint): void;
  /** Tracks the final metrics under `<meta_name>.<key>` and writes `train_log.jsonl` and `metrics.json`. */
  finish(dir: string, metrics: Record<string, number | null>): Promise<void>;
}

/**
 * Streams a training run into the component env: `env.progress` ticks per step, and every loss point goes to the
 * tracker as `<meta_name>.loss`, `.lr` and `.<throughputName>` with the step in the scope, and to the logger.
 */
export function trainReporter(env: ComponentEnv, type: string, throughputName: string): TrainReporter {
  let task: ProgressTask | null = null;
  const curve: LossPoint[] = [];
  const scope = { iteration: env.scope.iteration, pipeline: env.scope.pipeline, job: env.scope.job };
  return {
    start(totalSteps) {
      task = env.progress.start(`train ${type}`, totalSteps, 'steps');
    },
    step() {
      task?.tick();
    },
    log(point) {
      curve.push(point);
      const at = { ...scope, step: point.step };
      env.tracker.watch(point.loss, metricKey(env, type, 'loss'), at);
      env.tracker.watch(point.lr, metricKey(env, type, 'lr'), at);
      env.tracker.watch(point.throughput, metricKey(env, type, throughputName), at);
      env.logger.info(`${type} step ${point.step}: loss ${point.loss.toFixed(4)}`, {
        step: point.step,
        loss: point.loss,
        lr: point.lr,
        [throughputName]: Math.round(point.throughput),
      });
    },
    async finish(dir, metrics) {
      task?.done();
      const lines = curve.map((p) =>
        JSON.stringify({ step: p.step, loss: p.loss, lr: p.lr, [throughputName]: p.throughput }),
      );
      await writeFile(join(dir, 'train_log.jsonl'), lines.length ? `${lines.join('\n')}\n` : '');
      await writeFile(join(dir, 'metrics.json'), `${JSON.stringify(metrics, null, 2)}\n`);
      env.tracker.watch(metrics, env.scope.metaName ?? type, scope);
    },
  };
}
