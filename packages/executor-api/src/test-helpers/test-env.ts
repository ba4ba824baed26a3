import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readJsonl, type TestComponentEnv, testComponentEnv } from '@dj-sandbox/test-utils';

/** A fresh temporary folder. */
export function tempDir(prefix = 'executor-api-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Rows of a JSON Lines file (test-utils' reader). */
export { readJsonl };

/** A component env for tests (see `testComponentEnv` in test-utils); the job is `infer_model` unless named. */
export type TestEnv = TestComponentEnv;

/** Builds a component env as a run would give one (job `infer_model`, iteration 1), in a temporary work dir. */
export function testEnv(options: { signal?: AbortSignal; metaName?: string } = {}): TestEnv {
  return testComponentEnv({ ...options, metaName: options.metaName ?? 'infer_model' });
}
