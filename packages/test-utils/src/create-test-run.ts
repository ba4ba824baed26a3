import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '@dj-sandbox/config';
import {
  ConfigProblems,
  type Plugin,
  PluginRegistry,
  type RunEvent,
  type RunResult,
  runSandbox,
  type SandboxConfig,
} from '@dj-sandbox/core';
import { stringify } from 'yaml';
import { testdir, writeFiles } from './testdir.ts';

/** Options of {@link createTestRun}. */
export interface TestRunOptions {
  /** The sandbox config, as YAML text or an object; written to `sandbox.yaml` in the test folder. */
  config: string | Record<string, unknown>;
  plugins?: Plugin[];
  /** Extra files for the test folder (job files, recipes, data). */
  files?: Record<string, string | object>;
}

/** A prepared run in its own temporary folder (its working directory). */
export interface TestRun {
  dir: string;
  config: SandboxConfig;
  registry: PluginRegistry;
  /** Runs the sandbox; `events` lists what it reported. */
  run(options?: { resume?: boolean }): Promise<RunResult & { events: RunEvent[] }>;
  /** The parsed `context_infos.json`. */
  readContext(): unknown;
  /** An absolute path inside the test folder. */
  path(rel: string): string;
}

/**
 * Builds a run the way production does (config loaded and validated by @dj-sandbox/config, plugins registered in
 * a {@link PluginRegistry}, one DI container per run), in a fresh folder that is also its working directory.
 */
export async function createTestRun(options: TestRunOptions): Promise<TestRun> {
  const dir = testdir(options.files ?? {});
  const text = typeof options.config === 'string' ? options.config : stringify(options.config);
  writeFiles(dir, { 'sandbox.yaml': text });
  const loaded = await loadConfig({ configFile: 'sandbox.yaml', cwd: dir, env: {} });
  if (!loaded.config || loaded.errors.length > 0) throw new ConfigProblems(loaded.errors);
  const registry = new PluginRegistry();
  for (const plugin of options.plugins ?? []) await registry.add(plugin);
  const config = loaded.config;
  return {
    dir,
    config,
    registry,
    async run(runOptions = {}) {
      const events: RunEvent[] = [];
      const result = await runSandbox({
        config,
        registry,
        cwd: dir,
        ...(runOptions.resume !== undefined ? { resume: runOptions.resume } : {}),
        onEvent: (e) => events.push(e),
      });
      return { ...result, events };
    },
    readContext() {
      return JSON.parse(readFileSync(join(dir, config.work_dir, 'context_infos.json'), 'utf8'));
    },
    path: (rel) => join(dir, rel),
  };
}
