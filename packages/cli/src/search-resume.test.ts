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
hpo_config: ./sweep.yaml
probe_job_configs: [{hook: ProbeViaAnalyzerHook, meta_name: probe}]
evaluation_job_configs: [{hook: EvaluateDataHook, meta_name: score, extra_configs: {value: 0}}]
`;
const SWEEP = `
method: grid
metric: { name: score.value, goal: minimize }
parameters:
  anonymous.score.extra_configs.value: { values: [4, 2, 3, 1] }
`;

async function waitFor(path: string, timeoutMs = 60_000): Promise<void> {
  const start = Date.now();
  while (!existsSync(path)) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${path}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('a recipe search (hpo_config) through dj-sandbox run', () => {
  it('finds the best trial, and resumes after SIGKILL without rerunning finished trials', async () => {
    const dir = testdir({ 'sandbox.yaml': CONFIG, 'sweep.yaml': SWEEP });
    const log = join(dir, 'calls.log');
    const marker = join(dir, 'slow.marker');
    const env = { CALLS_LOG: log, LOG_WORKDIR: '1' };
    const child = startCli(['run', '-c', 'sandbox.yaml'], {
      cwd: dir,
      env: { ...env, SLOW_JOB: 'score', SLOW_WORKDIR: 'trial_2', SLOW_MARKER: marker },
    });
    const exited = new Promise((r) => child.on('close', r));
    await waitFor(marker); // trials 0 and 1 are finished; trial 2 is in the middle of its last job
    child.kill('SIGKILL');
    await exited;
    const before = readFileSync(log, 'utf8').trim().split('\n');
    expect(before).toEqual([
      'trial_0:1:probe',
      'trial_0:1:score',
      'trial_1:1:probe',
      'trial_1:1:score',
      'trial_2:1:probe',
    ]);

    const resumed = await runCli(['run', '-c', 'sandbox.yaml', '--resume'], { cwd: dir, env });
    expect(resumed.code).toBe(0);
    const calls = readFileSync(log, 'utf8').trim().split('\n');
    // trial 2 runs again from its start (a trial is the unit of resume); trials 0 and 1 never run again
    expect(calls.slice(before.length)).toEqual([
      'trial_2:1:probe',
      'trial_2:1:score',
      'trial_3:1:probe',
      'trial_3:1:score',
    ]);
    expect(resumed.stderr).toMatch(/best: trial 3, anonymous\.score\.extra_configs\.value=1 → 1/);
    expect(existsSync(join(dir, 'out/report.html'))).toBe(true);
  }, 180_000);

  it('runs trials as child processes with --parallel, every trial in its own folder', async () => {
    const dir = testdir({ 'sandbox.yaml': CONFIG, 'sweep.yaml': SWEEP });
    const log = join(dir, 'calls.log');
    const { code, stderr } = await runCli(['run', '-c', 'sandbox.yaml', '--parallel', '2'], {
      cwd: dir,
      env: { CALLS_LOG: log, LOG_WORKDIR: '1' },
    });
    expect(code).toBe(0);
    expect(readFileSync(log, 'utf8').trim().split('\n').sort()).toEqual(
      ['0', '1', '2', '3'].flatMap((t) => [`trial_${t}:1:probe`, `trial_${t}:1:score`]).sort(),
    );
    expect(existsSync(join(dir, 'out/trial_1/trial-config.yaml'))).toBe(true);
    expect(existsSync(join(dir, 'out/trial_1/context_infos.json'))).toBe(true);
    expect(stderr).toMatch(/best: trial 3, anonymous\.score\.extra_configs\.value=1 → 1/);
  }, 180_000);
});
