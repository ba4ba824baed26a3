import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import {
  type ConfigTree,
  type DataExecutorComponent,
  defineComponent,
  definePlugin,
  multiOutput,
  runInfoRef,
  type SampleDataOptions,
} from '@dj-sandbox/core';

async function readRows(path: string): Promise<Record<string, unknown>[]> {
  const text = await readFile(path, 'utf8');
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

/** Calls the components received, so tests can check what the hooks passed them. */
export interface FixtureCalls {
  sample: SampleDataOptions[];
  evaluatorArgs: unknown[][];
  probeConfigs: ConfigTree[];
}

/**
 * A fixture plugin with one small, real component per kind the model hooks use: a trainer that streams a loss
 * curve into the tracker, an inference executor that writes predictions, data/model evaluators, a data engine whose
 * `sample()` keeps the first `ratio` share of rows (or no `sample()` at all, with `withSample: false`), and a
 * model-infer evaluator that scores the sampled rows.
 */
export function fixturePlugin(options: { withSample?: boolean } = {}) {
  const calls: FixtureCalls = { sample: [], evaluatorArgs: [], probeConfigs: [] };
  const plugin = definePlugin({
    id: 'fixture-model',
    version: '0.0.0',
    apiVersion: 1,
    register(reg) {
      reg.components.add(
        defineComponent<ConfigTree>({
          kind: 'ModelTrainExecutor',
          type: 'fake_trainer',
          description: 'tracks a loss per step and returns the model path',
          create(config, env) {
            return {
              run() {
                const steps = Number(config.steps ?? 3);
                for (let step = 1; step <= steps; step++) env.tracker.watch(1 / step, 'loss', { ...env.scope, step });
                return { model_path: config.export_path, steps };
              },
            };
          },
        }),
        defineComponent<ConfigTree>({
          kind: 'ModelInferExecutor',
          type: 'fake_infer',
          description: 'writes one prediction per input row',
          create(config, env) {
            const cwd = env.resolve(runInfoRef).cwd;
            return {
              async run() {
                const rows = await readRows(resolve(cwd, String(config.dataset_path)));
                const out = resolve(cwd, String(config.export_path), 'predictions.jsonl');
                await mkdir(dirname(out), { recursive: true });
                await writeFile(out, rows.map((r) => `${JSON.stringify({ ...r, pred: r.truth })}\n`).join(''));
                return out;
              },
            };
          },
        }),
        defineComponent<ConfigTree>({
          kind: 'DataEvaluator',
          type: 'fake_pairs',
          description: 'returns (results, best) as two outputs',
          create: (config) => ({
            run(...args: unknown[]) {
              calls.evaluatorArgs.push(args);
              const results = (config.scores as number[]).map((mse, i) => ({ pred_path: `p${i}`, mse }));
              return multiOutput(results, Math.min(...results.map((r) => r.mse)));
            },
          }),
        }),
        defineComponent<ConfigTree>({
          kind: 'DataEvaluator',
          type: 'fake_stats',
          description: 'returns a mapping of stats',
          create: () => ({
            run(...args: unknown[]) {
              calls.evaluatorArgs.push(args);
              return { quality: { mean: 0.75, max: 0.9 } };
            },
          }),
        }),
        defineComponent<ConfigTree>({
          kind: 'ModelEvaluator',
          type: 'fake_model_eval',
          description: 'returns a list of scores',
          create: () => ({
            run(...args: unknown[]) {
              calls.evaluatorArgs.push(args);
              return [0.5, 0.25];
            },
          }),
        }),
        defineComponent<ConfigTree>({
          kind: 'DataExecutor',
          type: 'default',
          description: 'samples the first ratio share of rows',
          create(recipe, env) {
            const cwd = env.resolve(runInfoRef).cwd;
            const component: DataExecutorComponent = {
              run: () => Promise.reject(new Error('not used')),
            };
            if (options.withSample !== false) {
              component.sample = async (opts) => {
                calls.sample.push(opts);
                const rows = await readRows(resolve(cwd, String(recipe.dataset_path)));
                const out = resolve(cwd, opts.exportPath);
                await mkdir(dirname(out), { recursive: true });
                const kept = rows.slice(0, Math.round(rows.length * opts.ratio));
                await writeFile(out, kept.map((r) => `${JSON.stringify(r)}\n`).join(''));
                return opts.exportPath;
              };
            }
            return component;
          },
        }),
        defineComponent<ConfigTree>({
          kind: 'ModelInferEvaluator',
          type: 'fake_probe',
          description: 'scores the rows of dataset_path',
          create(config, env) {
            calls.probeConfigs.push(config);
            const cwd = env.resolve(runInfoRef).cwd;
            return {
              async run() {
                const rows = await readRows(resolve(cwd, String(config.dataset_path)));
                const correct = rows.filter((r) => r.truth === 1).length;
                return { samples: rows.length, accuracy: correct / rows.length };
              },
            };
          },
        }),
      );
    },
  });
  return { plugin, calls };
}
