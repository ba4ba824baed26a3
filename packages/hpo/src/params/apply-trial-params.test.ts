import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deepCopy, type SandboxConfig } from '@dj-sandbox/core';
import { job, sandboxConfig, testdir } from '@dj-sandbox/test-utils';
import { describe, expect, it } from 'vitest';
import { applyTrialParams } from './apply-trial-params.ts';

const fixture = join(import.meta.dirname, '..', '__fixtures__', 'demo-process.yaml');

function demoConfig(): { config: SandboxConfig; dir: string } {
  const dir = testdir();
  copyFileSync(fixture, join(dir, 'process.yaml'));
  const config = sandboxConfig({
    probe_job_configs: [
      job('probe_job_configs', 0, { hook: 'ProbeViaAnalyzerHook', meta_name: 'probe', dj_configs: 'process.yaml' }),
    ],
    execution_job_configs: [
      job('execution_job_configs', 0, {
        hook: 'ProcessDataHook',
        meta_name: 'process',
        dj_configs: {
          dataset_path: 'd.jsonl',
          np: 2,
          process: [
            { text_length_filter: { min_len: 5 } },
            { language_id_score_filter: null },
            { text_length_filter: { min_len: 7, max_len: 100 } },
          ],
        },
      }),
    ],
    evaluation_job_configs: [
      job('evaluation_job_configs', 0, {
        hook: 'EvaluateDataHook',
        meta_name: 'eval',
        extra_configs: { type: 'acc', k: 1 },
      }),
    ],
  });
  return { config, dir };
}

const djOf = (c: SandboxConfig, group: 'probe_job_configs' | 'execution_job_configs') =>
  c.pipelines[0]!.jobs[group][0]!.dj_configs as Record<string, unknown> & { process: Array<Record<string, unknown>> };

describe('applyTrialParams', () => {
  it('sets <op>.<param> in every recipe that has the op, at its last occurrence, inlining file recipes', () => {
    const { config, dir } = demoConfig();
    const before = deepCopy(config);
    const out = applyTrialParams(config, { 'text_length_filter.min_len': 42 }, dir);
    expect(config).toEqual(before);
    const probe = djOf(out, 'probe_job_configs');
    expect(probe.dataset_path).toBe('./data/raw.jsonl');
    expect(probe.process[1]).toEqual({ text_length_filter: { min_len: 42, max_len: 10000 } });
    const exec = djOf(out, 'execution_job_configs');
    expect(exec.process[0]).toEqual({ text_length_filter: { min_len: 5 } });
    expect(exec.process[2]).toEqual({ text_length_filter: { min_len: 42, max_len: 100 } });
    expect(readFileSync(join(dir, 'process.yaml'), 'utf8')).toContain('min_len: 50');
  });

  it('turns an op written without arguments into a mapping for its parameter', () => {
    const { config, dir } = demoConfig();
    const out = applyTrialParams(config, { 'language_id_score_filter.min_score': 0.7 }, dir);
    expect(djOf(out, 'execution_job_configs').process[1]).toEqual({ language_id_score_filter: { min_score: 0.7 } });
    expect(djOf(out, 'probe_job_configs').process[0]).toEqual({
      language_id_score_filter: { lang: 'en', min_score: 0.7 },
    });
  });

  it('addresses one job by <pipeline>.<meta_name>.dj_configs path and extra_configs keys', () => {
    const { config, dir } = demoConfig();
    const out = applyTrialParams(
      config,
      {
        'anonymous.probe.dj_configs.process.1.text_length_filter.min_len': 10,
        'anonymous.eval.extra_configs.k': 5,
        'anonymous.process.dj_configs.np': 4,
      },
      dir,
    );
    expect(djOf(out, 'probe_job_configs').process[1]).toEqual({ text_length_filter: { min_len: 10, max_len: 10000 } });
    expect(djOf(out, 'execution_job_configs').process[2]).toEqual({ text_length_filter: { min_len: 7, max_len: 100 } });
    expect(djOf(out, 'execution_job_configs').np).toBe(4);
    expect(out.pipelines[0]!.jobs.evaluation_job_configs[0]!.extra_configs).toEqual({ type: 'acc', k: 5 });
  });

  it('updates a plain key only where a recipe already has it', () => {
    const { config, dir } = demoConfig();
    const out = applyTrialParams(config, { np: 8 }, dir);
    expect(djOf(out, 'probe_job_configs').np).toBe(8);
    expect(djOf(out, 'execution_job_configs').np).toBe(8);
    expect(() => applyTrialParams(config, { num_proc: 8 }, dir)).toThrow(/no recipe has this global key/);
  });

  it('rejects keys that address nothing, saying what exists', () => {
    const { config, dir } = demoConfig();
    expect(() => applyTrialParams(config, { 'text_lenght_filter.min_len': 1 }, dir)).toThrow(
      /parameters\["text_lenght_filter.min_len"\]: sweep parameter "text_lenght_filter.min_len" addresses nothing.*no recipe of the config has op "text_lenght_filter".*Did you mean "text_length_filter"\?/s,
    );
    expect(() => applyTrialParams(config, { 'anonymous.evaluate.extra_configs.k': 1 }, dir)).toThrow(
      /no job is named "anonymous.evaluate".*anonymous.eval/s,
    );
    expect(() => applyTrialParams(config, { 'anonymous.process.dj_configs.process.9.x.y': 1 }, dir)).toThrow(
      /process is a list of 3 items; "9" is not an index of it/,
    );
  });
});
