import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { testdir } from '@dj-sandbox/test-utils';
import { describe, expect, it } from 'vitest';
import { runCli, startCli } from './test-helpers/run-cli.ts';

const PLUGIN = fileURLToPath(new URL('./__fixtures__/counting-plugin.mjs', import.meta.url));

const CONFIG = `
plugins: ['${PLUGIN}']
work_dir: ./out
max_iter_num: 2
iter_updater: { prep.process.0: prep.process.extra_configs.value }
pipelines:
  - prep:
      probe_job_configs: [{hook: ProbeViaAnalyzerHook, meta_name: probe}]
      execution_job_configs: [{hook: ProcessDataHook, meta_name: process, extra_configs: {value: 1}}]
  - evaluate:
      evaluation_job_configs:
        - {hook: EvaluateDataHook, meta_name: score, input: {extra_configs.value: prep.process.0}}
`;

async function waitFor(path: string, timeoutMs = 30_000): Promise<void> {
  const start = Date.now();
  while (!existsSync(path)) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${path}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('resume after SIGKILL', () => {
  it('ends with the same context_infos.json as an uninterrupted run, and no finished job runs twice', async () => {
    const clean = testdir({ 'sandbox.yaml': CONFIG });
    expect(
      (await runCli(['run', '-c', 'sandbox.yaml'], { cwd: clean, env: { CALLS_LOG: join(clean, 'calls.log') } })).code,
    ).toBe(0);

    const dir = testdir({ 'sandbox.yaml': CONFIG });
    const log = join(dir, 'calls.log');
    const marker = join(dir, 'slow.marker');
    const child = startCli(['run', '-c', 'sandbox.yaml'], {
      cwd: dir,
      env: { CALLS_LOG: log, SLOW_JOB: 'score', SLOW_MARKER: marker },
    });
    const exited = new Promise((r) => child.on('close', r));
    await waitFor(marker); // iteration 1's score job has started and is in the middle of its work
    child.kill('SIGKILL');
    await exited;
    expect(readFileSync(log, 'utf8').trim().split('\n')).toEqual(['1:probe', '1:process']);

    const resumed = await runCli(['run', '-c', 'sandbox.yaml', '--resume'], { cwd: dir, env: { CALLS_LOG: log } });
    expect(resumed.code).toBe(0);
    const calls = readFileSync(log, 'utf8').trim().split('\n');
    expect(calls).toEqual(['1:probe', '1:process', '1:score', '2:probe', '2:process', '2:score']);
    expect(readFileSync(join(dir, 'out/context_infos.json'), 'utf8')).toBe(
      readFileSync(join(clean, 'out/context_infos.json'), 'utf8'),
    );
  });
});
