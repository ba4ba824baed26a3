import { cpSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { testdir } from '@dj-sandbox/test-utils';
import { describe, expect, it } from 'vitest';
import { runCli } from './test-helpers/run-cli.ts';

const QUICK_START = fileURLToPath(new URL('../../../examples/quick-start', import.meta.url));

/** A project folder holding the README's quick-start config and nothing installed. */
function quickStartProject(lockfile?: string): string {
  const dir = testdir();
  cpSync(QUICK_START, dir, { recursive: true });
  if (lockfile) writeFileSync(`${dir}/${lockfile}`, '');
  return dir;
}

/** The install commands a validate output prints. */
function installCommands(text: string): string[] {
  return text.match(/(npm i|pnpm add|yarn add)( @dj-sandbox\/[\w-]+)+/g) ?? [];
}

// DJ_SANDBOX_RESOLVE_FROM_CLI=0 (set by runCli): plugins resolve from the temp project only, where nothing is installed.
describe('dj-sandbox validate with only the CLI installed', () => {
  it('names every package the quick start needs at once, with one npm command, and exits 2', async () => {
    const dir = quickStartProject('package-lock.json');
    const { code, stderr } = await runCli(['validate', '--config', 'sandbox.yaml'], { cwd: dir });
    const text = stripVTControlCharacters(stderr);
    expect(code, text).toBe(2);
    expect(text).toContain('3 packages this config needs are not installed');
    expect(text).toContain('@dj-sandbox/hooks-data (hook ProbeViaAnalyzerHook');
    expect(text).toContain('@dj-sandbox/ops-text (operator text_length_filter');
    expect(text).toContain('@dj-sandbox/executor-data-juicer (the data engine of ProbeViaAnalyzerHook');
    expect(installCommands(text)).toEqual([
      'npm i @dj-sandbox/executor-data-juicer @dj-sandbox/hooks-data @dj-sandbox/ops-text',
    ]);
    expect(text).not.toContain('add it to plugins');
  });

  it("uses the project's package manager, found by its lockfile", async () => {
    const dir = quickStartProject('pnpm-lock.yaml');
    const { stderr } = await runCli(['validate', '--config', 'sandbox.yaml'], { cwd: dir });
    expect(installCommands(stripVTControlCharacters(stderr))).toEqual([
      'pnpm add @dj-sandbox/executor-data-juicer @dj-sandbox/hooks-data @dj-sandbox/ops-text',
    ]);
  });

  it("adds the component types' and the listed plugins' packages to the same command", async () => {
    const dir = quickStartProject();
    writeFileSync(
      `${dir}/model.yaml`,
      [
        'plugins: [dj-sandbox-plugin-not-installed]',
        'execution_job_configs:',
        '  - { hook: TrainModelHook, meta_name: train, extra_configs: { type: proxy_lm } }',
        'evaluation_job_configs:',
        '  - { hook: EvaluateDataHook, meta_name: score, extra_configs: { type: accuracy } }',
        '  - hook: ProcessDataHook',
        '    meta_name: images',
        '    dj_configs: { dataset_path: d.jsonl, process: [image_aspect_ratio_filter, text_length_filter] }',
        '',
      ].join('\n'),
    );
    const { code, stderr } = await runCli(['validate', '--config', 'model.yaml'], { cwd: dir });
    const text = stripVTControlCharacters(stderr);
    expect(code, text).toBe(2);
    expect(text).toContain('ModelTrainExecutor type proxy_lm');
    expect(text).toContain('dj-sandbox-plugin-not-installed (plugins[0])');
    expect(text.match(/npm i [^\n]+/g)).toEqual([
      'npm i @dj-sandbox/evaluator-metrics @dj-sandbox/executor-data-juicer @dj-sandbox/executor-proxy-model @dj-sandbox/hooks-data @dj-sandbox/hooks-model @dj-sandbox/ops-image @dj-sandbox/ops-text dj-sandbox-plugin-not-installed',
    ]);
  });
});
