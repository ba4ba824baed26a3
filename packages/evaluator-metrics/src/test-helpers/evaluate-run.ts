import { readdirSync, readFileSync } from 'node:fs';
import type { ConfigTree } from '@dj-sandbox/core';
import { createTestRun, testHooksPlugin } from '@dj-sandbox/test-utils';
import plugin from '../plugin.ts';

const fixtures = new URL('../__fixtures__/', import.meta.url);

/** Every fixture file, to copy into a test run's folder. */
export function fixtureFiles(): Record<string, string> {
  return Object.fromEntries(readdirSync(fixtures).map((name) => [name, readFileSync(new URL(name, fixtures), 'utf8')]));
}

/**
 * Runs one `EvaluateDataHook`-like job (a test hook that builds the DataEvaluator from extra_configs and calls
 * `run('data')`, as the real hook does) with this plugin loaded, in a folder holding the fixtures.
 */
export async function evaluate(extraConfigs: ConfigTree, output: string[] = ['results', 'best']) {
  const hooks = testHooksPlugin({
    EvaluateDataHook: async (ctx) => (await ctx.components.create('DataEvaluator', ctx.extraConfigs)).run('data'),
  });
  const run = await createTestRun({
    config: {
      evaluation_job_configs: [{ hook: 'EvaluateDataHook', meta_name: 'eval', output, extra_configs: extraConfigs }],
    },
    plugins: [plugin, hooks],
    files: fixtureFiles(),
  });
  const result = await run.run();
  const ctx = result.contexts[0]!;
  return Object.fromEntries(output.map((key) => [key, ctx.lookup(`anonymous.eval.${key}`)]));
}
