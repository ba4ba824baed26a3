// Measures what an environment costs the first time and when a later run reuses it (target: reuse under 5 s).
// Prints JSON. BENCH_DEPS overrides the dependencies (default: the Data-Juicer engine's pin).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPythonEnvs } from '../src/index.ts';

const deps = (process.env.BENCH_DEPS ?? 'py-data-juicer==1.6.1').split(',');
const cacheDir = mkdtempSync(join(tmpdir(), 'env-bench-'));
const time = async (fn: () => Promise<unknown>) => {
  const start = performance.now();
  await fn();
  return (performance.now() - start) / 1000;
};
const spec = { env_manager: 'uv' as const, deps };
const firstSeconds = await time(() => createPythonEnvs({ cacheDir }).ensure(spec));
const reuseSeconds = await time(() => createPythonEnvs({ cacheDir }).ensure(spec));
const secondRun = await time(async () =>
  (await createPythonEnvs({ cacheDir }).ensure(spec)).run(['python', '-c', 'pass']),
);
console.log(JSON.stringify({ deps, firstSeconds, reuseSeconds, reuseAndRunPythonSeconds: secondRun }, null, 2));
rmSync(cacheDir, { recursive: true, force: true });
