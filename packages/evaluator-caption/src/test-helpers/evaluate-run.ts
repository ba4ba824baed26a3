import { readdirSync, readFileSync } from 'node:fs';
import type { ConfigTree, Plugin } from '@dj-sandbox/core';
import { createTestRun, testHooksPlugin } from '@dj-sandbox/test-utils';
import plugin from '../plugin.ts';

const fixtures = new URL('../__fixtures__/', import.meta.url);

/** Every fixture file, to copy into a test run's folder. */
export function fixtureFiles(): Record<string, string> {
  return Object.fromEntries(readdirSync(fixtures).map((name) => [name, readFileSync(new URL(name, fixtures), 'utf8')]));
}

/** The folder of the fixtures, for the pycocoevalcap reference script. */
export const fixturesDir = new URL(fixtures).pathname;

/**
 * Runs one evaluation job with this plugin loaded, in a folder holding the fixtures: `EvaluateDataHook` builds the
 * `DataEvaluator` and calls `run('data')`, `EvaluateModelHook` the `ModelEvaluator` with `run({})`, as the real hooks
 * do. Returns the recorded `result` output.
 */
export async function evaluateCaptions(
  extraConfigs: ConfigTree,
  options: { hook?: 'EvaluateDataHook' | 'EvaluateModelHook'; plugins?: Plugin[] } = {},
) {
  const hook = options.hook ?? 'EvaluateDataHook';
  const hooks = testHooksPlugin({
    EvaluateDataHook: async (ctx) => (await ctx.components.create('DataEvaluator', ctx.extraConfigs)).run('data'),
    EvaluateModelHook: async (ctx) => (await ctx.components.create('ModelEvaluator', ctx.extraConfigs)).run({}),
  });
  const run = await createTestRun({
    config: { evaluation_job_configs: [{ hook, meta_name: 'eval', output: 'result', extra_configs: extraConfigs }] },
    plugins: [plugin, hooks, ...(options.plugins ?? [])],
    files: fixtureFiles(),
  });
  const result = await run.run();
  return result.contexts[0]!.lookup('anonymous.eval.result');
}
