import { readdirSync, readFileSync } from 'node:fs';
import type { ConfigTree, Plugin } from '@dj-sandbox/core';
import { createTestRun, testHooksPlugin } from '@dj-sandbox/test-utils';
import plugin from '../plugin.ts';

const fixtures = new URL('../__fixtures__/', import.meta.url);

function fixtureFiles(): Record<string, string> {
  return Object.fromEntries(readdirSync(fixtures).map((n) => [n, readFileSync(new URL(n, fixtures), 'utf8')]));
}

/** Hooks that build the component of their kind from extra_configs and run it, as the real hooks do. */
export const componentHooks = testHooksPlugin({
  GeneralDataExecutorHook: async (ctx) => (await ctx.components.create('GeneralDataExecutor', ctx.extraConfigs)).run(),
  TrainModelHook: async (ctx) => (await ctx.components.create('ModelTrainExecutor', ctx.extraConfigs)).run(),
  EvaluateModelHook: async (ctx) => (await ctx.components.create('ModelEvaluator', ctx.extraConfigs)).run({}),
});

/** Runs jobs (one pipeline's execution jobs) with this plugin and the given extra plugins in a fixture folder. */
export async function runJobs(jobs: ConfigTree[], plugins: Plugin[] = [], files: Record<string, string> = {}) {
  const run = await createTestRun({
    config: { work_dir: './outputs', execution_job_configs: jobs },
    plugins: [plugin, componentHooks, ...plugins],
    files: { ...fixtureFiles(), ...files },
  });
  const result = await run.run();
  const ctx = result.contexts[0]!;
  return { run, result, lookup: (key: string) => ctx.lookup(key) };
}
