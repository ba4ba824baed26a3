import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  type ComponentEnv,
  createLogger,
  type ExtensionPoint,
  type LogRecord,
  MemoryTracker,
  type Plugin,
  PluginRegistry,
  type Progress,
} from '@dj-sandbox/core';
import testOps from '../__fixtures__/test-ops-plugin.ts';

/** Folder of the package's test fixtures. */
export const FIXTURES = fileURLToPath(new URL('../__fixtures__/', import.meta.url));

/** A fresh temporary folder. */
export function tempDir(prefix = 'dj-engine-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A component env for tests, with log records and progress ticks captured. */
export interface TestEnv extends ComponentEnv {
  readonly records: LogRecord[];
  readonly ticks: Map<string, number>;
}

/**
 * Builds a `ComponentEnv` the way a run does: a plugin registry with the test operator plugin loaded from its file
 * URL (so worker threads can import it), or with the given plugins registered in-process (no source).
 */
export async function testEnv(options: { plugins?: Plugin[]; inProcess?: boolean } = {}): Promise<TestEnv> {
  const registry = new PluginRegistry();
  const plugins = options.plugins ?? [testOps as Plugin];
  for (const plugin of plugins) {
    const source = options.inProcess ? undefined : pathToFileURL(join(FIXTURES, 'test-ops-plugin.ts')).href;
    await registry.add(plugin, undefined, source);
  }
  const records: LogRecord[] = [];
  const ticks = new Map<string, number>();
  const progress: Progress = {
    start(label) {
      ticks.set(label, 0);
      return { tick: (n = 1) => ticks.set(label, (ticks.get(label) ?? 0) + n), setTotal() {}, done() {} };
    },
  };
  return {
    logger: createLogger([(r) => records.push(r)], 'debug'),
    tracker: new MemoryTracker(),
    progress,
    signal: new AbortController().signal,
    workDir: tempDir(),
    scope: { iteration: 1, pipeline: 'test', job: 'process_data', metaName: 'process_data' },
    resolve() {
      throw new Error('no services in tests');
    },
    extensions: <T>(point: ExtensionPoint<T>) => registry.extensions(point),
    ownedExtensions: <T>(point: ExtensionPoint<T>) => registry.ownedExtensions(point),
    records,
    ticks,
  };
}
