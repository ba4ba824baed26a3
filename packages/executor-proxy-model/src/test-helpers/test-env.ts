import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readJsonl, type TestComponentEnv, testComponentEnv } from '@dj-sandbox/test-utils';

/** Folder of the package's test fixtures (real text cut from npm corpora; see bench/make-fixtures.ts). */
export const FIXTURES = fileURLToPath(new URL('../__fixtures__/', import.meta.url));

/** A fixture's absolute path. */
export function fixture(name: string): string {
  return join(FIXTURES, name);
}

/** A fresh temporary folder. */
export function tempDir(prefix = 'proxy-model-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Rows of a JSON Lines file (test-utils' reader). */
export { readJsonl };

/** A component env for tests (see `testComponentEnv` in test-utils); the job is `train_model` unless named. */
export type TestEnv = TestComponentEnv;

/** Builds a component env as a run would give one (job `train_model`, iteration 1), in a temporary work dir. */
export function testEnv(options: { signal?: AbortSignal; metaName?: string } = {}): TestEnv {
  return testComponentEnv({ ...options, metaName: options.metaName ?? 'train_model' });
}
