import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { testdir } from '@dj-sandbox/test-utils';
import { describe, expect, it } from 'vitest';
import { runCli, startCli } from './test-helpers/run-cli.ts';

const PLUGIN = fileURLToPath(new URL('./__fixtures__/counting-plugin.mjs', import.meta.url));
const CONFIG = `
plugins: ['${PLUGIN}']
work_dir: ./out
probe_job_configs: [{hook: ProbeViaAnalyzerHook, meta_name: probe}]
evaluation_job_configs: [{hook: EvaluateDataHook, meta_name: score, extra_configs: {value: 0.5}}]
`;

async function waitFor(path: string, timeoutMs = 60_000): Promise<void> {
  const start = Date.now();
  while (!existsSync(path)) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${path}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const jobsOf = (dir: string) =>
  JSON.parse(readFileSync(join(dir, 'out/context_infos.json'), 'utf8')).flatMap((iter: { pipeline_infos: [] }) =>
    iter.pipeline_infos.flatMap((p: { job_infos: Array<{ meta_name: string }> }) =>
      p.job_infos.map((j) => j.meta_name),
    ),
  );

describe('one run per work dir', () => {
  it('refuses a second run on a locked work dir at once, naming the pid, and takes over the lock of a killed run', async () => {
    const dir = testdir({ 'sandbox.yaml': CONFIG });
    const marker = join(dir, 'slow.marker');
    const first = startCli(['run', '-c', 'sandbox.yaml'], {
      cwd: dir,
      env: { SLOW_JOB: 'score', SLOW_MARKER: marker },
    });
    const exited = new Promise((r) => first.on('close', r));
    await waitFor(marker);

    const second = await runCli(['run', '-c', 'sandbox.yaml', '--resume'], { cwd: dir });
    expect(second.code).toBe(2);
    expect(stripVTControlCharacters(second.stderr)).toContain(`is in use by another run (pid ${first.pid})`);

    first.kill('SIGKILL');
    await exited;
    const resumed = await runCli(['run', '-c', 'sandbox.yaml', '--resume'], { cwd: dir });
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(jobsOf(dir)).toEqual(['probe', 'score']);
    expect(existsSync(join(dir, 'out/.dj-sandbox.lock'))).toBe(false);
  }, 120_000);

  it('refuses a fresh run in a used work dir unless --resume or --fresh says what to do', async () => {
    const dir = testdir({ 'sandbox.yaml': CONFIG });
    expect((await runCli(['run', '-c', 'sandbox.yaml'], { cwd: dir })).code).toBe(0);
    const again = await runCli(['run', '-c', 'sandbox.yaml'], { cwd: dir });
    expect(again.code).toBe(2);
    const message = stripVTControlCharacters(again.stderr);
    expect(message).toContain('holds an earlier run');
    expect(message).toContain('--resume');
    expect(message).toContain('--fresh');

    const fresh = await runCli(['run', '-c', 'sandbox.yaml', '--fresh'], { cwd: dir });
    expect(fresh.code, fresh.stderr).toBe(0);
    expect(jobsOf(dir)).toEqual(['probe', 'score']);
    const metrics = readFileSync(join(dir, 'out/tracker/metrics.jsonl'), 'utf8').trim().split('\n');
    expect(metrics.filter((l) => JSON.parse(l).key === 'score.value')).toHaveLength(1);
  }, 120_000);
});

describe('global keys on the command line', () => {
  it('sets max_iter_num with --max_iter_num, over the file', async () => {
    const dir = testdir({ 'sandbox.yaml': `${CONFIG}max_iter_num: 1\n` });
    const { code, stderr } = await runCli(['run', '-c', 'sandbox.yaml', '--max_iter_num', '2'], { cwd: dir });
    expect(code, stderr).toBe(0);
    const iterations = JSON.parse(readFileSync(join(dir, 'out/context_infos.json'), 'utf8'));
    expect(iterations.map((i: { iter: number }) => i.iter)).toEqual([1, 2]);
  }, 60_000);
});
