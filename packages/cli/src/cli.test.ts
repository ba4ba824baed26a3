import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { testdir } from '@dj-sandbox/test-utils';
import { describe, expect, it } from 'vitest';
import { runCli } from './test-helpers/run-cli.ts';

const PLUGIN = fileURLToPath(new URL('./__fixtures__/counting-plugin.mjs', import.meta.url));
const strip = (s: string) => stripVTControlCharacters(s).replace(/\/tmp\/dj-sandbox-test-\w+/g, '<dir>');

describe('the dj-sandbox CLI', () => {
  it('runs a config, writes context_infos.json and JSON-lines logs, and exits 0', async () => {
    const dir = testdir({
      'sandbox.yaml': `plugins: ['${PLUGIN}']\nwork_dir: ./out\nprobe_job_configs: [{hook: ProbeViaAnalyzerHook, meta_name: probe}]\nevaluation_job_configs: [{hook: EvaluateDataHook, meta_name: score, extra_configs: {value: 0.5}}]\n`,
    });
    const { code, stderr } = await runCli(['run', '--config', 'sandbox.yaml'], { cwd: dir });
    expect(code).toBe(0);
    expect(strip(stderr)).toMatch(/✔ \[iter 1\] anonymous › score/);
    expect(
      JSON.parse(readFileSync(join(dir, 'out/context_infos.json'), 'utf8'))[0].pipeline_infos[0].job_infos,
    ).toEqual([
      { meta_name: 'probe', 0: 1 },
      { meta_name: 'score', 0: 0.5 },
    ]);
    expect(existsSync(join(dir, 'out/tracker/metrics.jsonl'))).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'out/run.json'), 'utf8'))).toMatchObject({
      status: 'finished',
      stopReason: 'max_iter_num',
      plugins: [{ id: 'counting', version: '1.0.0' }],
    });
    const events = readFileSync(join(dir, 'out/events.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(events.filter((e) => e.type === 'job-end').map((e) => e.metaName)).toEqual(['probe', 'score']);
  });

  it('exits 2 and lists every config problem with file:line:column', async () => {
    const dir = testdir({
      'sandbox.yaml': `work_dir: ./out\nmax_iter_nmu: 2\nprobe_job_configs:\n  - hook: ProbeViaAnalyzerHook\n    meta_name: 3\n`,
    });
    const { code, stderr } = await runCli(['run', '-c', 'sandbox.yaml'], { cwd: dir });
    expect(code).toBe(2);
    expect(strip(stderr)).toMatchInlineSnapshot(`
      "✖ 4 problems in the config:
        • <dir>/sandbox.yaml:2:1 max_iter_nmu: unknown key "max_iter_nmu". Expected one of the global keys (README, "Config reference", or dj-sandbox schema), received "max_iter_nmu". Remove it or fix its spelling. Did you mean "max_iter_num"?
        • <dir>/sandbox.yaml:5:5 probe_job_configs[0].meta_name: wrong type. Expected string, received 3.
        • <dir>/sandbox.yaml:4:5 probe_job_configs[0].hook: undefined hook "ProbeViaAnalyzerHook". Expected a hook provided by a loaded plugin, received "ProbeViaAnalyzerHook". hook ProbeViaAnalyzerHook is provided by @dj-sandbox/hooks-data: install it.
        • plugins: 2 packages this config needs are not installed: @dj-sandbox/executor-data-juicer (the data engine of ProbeViaAnalyzerHook); @dj-sandbox/hooks-data (hook ProbeViaAnalyzerHook). Expected the packages that provide the hooks, component types and operators the config uses, received "not installed". Install them: npm i @dj-sandbox/executor-data-juicer @dj-sandbox/hooks-data
      "
    `);
  });

  it('names the package that provides an unknown hook, and exits 2', async () => {
    const dir = testdir({
      'sandbox.yaml': 'execution_job_configs: [{hook: TrainModelHook, extra_configs: {type: easyanimate}}]\n',
    });
    const { code, stderr } = await runCli(['validate', '-c', 'sandbox.yaml'], { cwd: dir });
    expect(code).toBe(2);
    expect(strip(stderr)).toContain('hook TrainModelHook is provided by @dj-sandbox/hooks-model: install it.');
  });

  it('exits 1 when a job fails, blaming the plugin and the job, and keeps what finished', async () => {
    const dir = testdir({
      'sandbox.yaml': `plugins: ['${PLUGIN}']\nwork_dir: ./out\nprobe_job_configs: [{hook: ProbeViaAnalyzerHook, meta_name: probe}]\nexecution_job_configs: [{hook: TrainModelHook, meta_name: train}]\n`,
    });
    const { code, stderr } = await runCli(['run', '-c', 'sandbox.yaml'], { cwd: dir });
    expect(code).toBe(1);
    expect(strip(stderr)).toContain('✖ [plugin:counting] [job:train] trainer exploded');
    expect(
      JSON.parse(readFileSync(join(dir, 'out/context_infos.json'), 'utf8'))[0].pipeline_infos[0].job_infos,
    ).toEqual([{ meta_name: 'probe', 0: 1 }]);
  });

  it("exits 2 when a job's recipe file is missing, naming the key and the file", async () => {
    const dir = testdir({
      'sandbox.yaml': `plugins: ['${PLUGIN}']\nexecution_job_configs: [{hook: ProcessDataHook, meta_name: p, dj_configs: ./missing.yaml, local: {dj_configs.np: 2}}]\n`,
    });
    const { code, stderr } = await runCli(['run', '-c', 'sandbox.yaml'], { cwd: dir });
    expect(code).toBe(2);
    expect(strip(stderr)).toContain(
      'execution_job_configs[0].dj_configs: the config file does not exist. Expected an existing file',
    );
  });

  it('reports a malformed YAML file with its position', async () => {
    const dir = testdir({ 'sandbox.yaml': 'work_dir: ./out\nprobe_job_configs:\n  - hook: A\n   meta_name: x\n' });
    const { code, stderr } = await runCli(['validate', '-c', 'sandbox.yaml'], { cwd: dir });
    expect(code).toBe(2);
    expect(strip(stderr)).toMatch(/<dir>\/sandbox.yaml:4:\d+/);
  });

  it('prints a JSON Schema with the global keys', async () => {
    const { code, stdout } = await runCli(['schema'], { cwd: testdir() });
    expect(code).toBe(0);
    expect(Object.keys(JSON.parse(stdout).properties)).toContain('iter_updater');
  });

  it('runs a config without the run subcommand, as the Python sandbox is invoked (dj-sandbox --config f)', async () => {
    const dir = testdir({
      'sandbox.yaml': `plugins: ['${PLUGIN}']\nwork_dir: ./out\nprobe_job_configs: [{hook: ProbeViaAnalyzerHook, meta_name: probe}]\n`,
    });
    const { code } = await runCli(['--config', 'sandbox.yaml'], { cwd: dir });
    expect(code).toBe(0);
    expect(existsSync(join(dir, 'out/context_infos.json'))).toBe(true);
  });

  it('runs the config it discovers (dj-sandbox.config.yaml) when no --config is given, from a subfolder too', async () => {
    const dir = testdir({
      'package.json': '{"name": "project"}',
      'dj-sandbox.config.yaml': `plugins: ['${PLUGIN}']\nwork_dir: ./out\nprobe_job_configs: [{hook: ProbeViaAnalyzerHook, meta_name: probe}]\n`,
      'data/.keep': '',
    });
    const { code } = await runCli(['run'], { cwd: join(dir, 'data') });
    expect(code).toBe(0);
    // Relative paths in a config are relative to the working directory, as in the Python sandbox.
    expect(existsSync(join(dir, 'data/out/context_infos.json'))).toBe(true);
  });
});
