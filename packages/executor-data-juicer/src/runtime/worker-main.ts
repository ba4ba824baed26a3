import { parentPort } from 'node:worker_threads';
import { createLogger, type LogRecord, type OperatorInstance } from '@dj-sandbox/core';
import { createInstance } from './create-instance.ts';
import { operatorsFromSources } from './plugin-operators.ts';
import { runRawSteps, transferables } from './raw-steps.ts';
import { isStepFailure, runSteps, type StepFailure } from './run-steps.ts';
import type { FromWorker, ToWorker } from './worker-protocol.ts';

// Entry of a worker thread: rebuilds the recipe's operators from their plugin modules, then runs batches.
const port = parentPort!;
const post = (message: FromWorker): void => port.postMessage(message);
const logger = createLogger([
  (record: LogRecord) => {
    const { level, message, time: _time, ...fields } = record;
    post({ type: 'log', level, message, fields });
  },
]);
const instances = new Map<number, OperatorInstance>();

async function handle(message: ToWorker): Promise<void> {
  if (message.type === 'init') {
    try {
      const definitions = await operatorsFromSources(message.sources);
      for (const op of message.ops) {
        const definition = definitions.get(op.name);
        if (!definition) throw new Error(`no loaded plugin contributes operator ${op.name}`);
        const env = {
          workDir: message.workDir,
          logger: logger.child({ op: op.name }),
          ...(message.datasetDir ? { datasetDir: message.datasetDir } : {}),
        };
        instances.set(op.op, await createInstance(definition, op.config, env, op.op));
      }
      post({ type: 'ready' });
    } catch (error) {
      post({ type: 'init-error', message: (error as Error)?.message ?? String(error) });
    }
    return;
  }
  try {
    if (message.type === 'run-raw') {
      const result = await runRawSteps(message.raw, message.steps, instances, message.config);
      port.postMessage({ type: 'done-raw', id: message.id, result } satisfies FromWorker, transferables(result));
    } else {
      const result = await runSteps(message.batch, message.steps, instances);
      post({ type: 'done', id: message.id, result });
    }
  } catch (error) {
    const failure: StepFailure = isStepFailure(error)
      ? error
      : { $$stepFailure: true, op: -1, name: '?', origin: -1, message: (error as Error)?.message ?? String(error) };
    post({ type: 'failed', id: message.id, failure });
  }
}

// The pool hands a worker its next batch before this one is done; batches still run one after the other.
let turn: Promise<void> = Promise.resolve();
port.on('message', (message: ToWorker) => {
  turn = turn.then(() => handle(message));
});
