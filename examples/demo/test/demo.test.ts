import { execFile } from 'node:child_process';
import { cpSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify, stripVTControlCharacters } from 'node:util';
import { testdir } from '@dj-sandbox/test-utils';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const EXAMPLE = fileURLToPath(new URL('..', import.meta.url));
const CLI = fileURLToPath(new URL('../../../packages/cli/dist/bin.js', import.meta.url));
const run = promisify(execFile);

describe('examples/demo (a smaller cut of the README demo)', () => {
  it('refines the recipe from the probe, trains on refined and raw data, and scores both', async () => {
    const dir = testdir();
    for (const entry of ['configs', 'scripts', 'sandbox.yaml'])
      cpSync(join(EXAMPLE, entry), join(dir, entry), { recursive: true });
    symlinkSync(join(EXAMPLE, 'node_modules'), join(dir, 'node_modules'));
    // The same config on 4,000 samples and 150 training steps.
    const train = readFileSync(join(dir, 'configs/proxy_lm_train.yaml'), 'utf8').replace(
      /max_steps: \d+/,
      'max_steps: 150',
    );
    writeFileSync(join(dir, 'configs/proxy_lm_train.yaml'), train);
    await run(process.execPath, ['scripts/build-data.mjs', '--max', '4000'], { cwd: dir });
    const { stderr } = await run(process.execPath, [CLI, 'run', '--config', 'sandbox.yaml'], {
      cwd: dir,
      env: { ...process.env, CI: 'true' },
    });

    const [iteration] = JSON.parse(readFileSync(join(dir, 'outputs/demo/context_infos.json'), 'utf8'));
    const jobs = (name: string) =>
      iteration.pipeline_infos.find((p: { pipeline_name: string }) => p.pipeline_name === name).job_infos;
    expect(jobs('refined').map((j: { meta_name: string }) => j.meta_name)).toEqual([
      'analysis_ori_data',
      'analysis_ori_data',
      'process_data_with_refined_recipe',
      'train_model',
      'analysis_processed_data',
      'eval_data',
      'eval_model',
    ]);
    expect(jobs('raw').map((j: { meta_name: string }) => j.meta_name)).toEqual([
      'train_model',
      'eval_data',
      'eval_model',
    ]);

    // k-sigma moved exactly the bounds the recipe wrote, from the probed stats.
    const original = parse(readFileSync(join(dir, 'configs/process.yaml'), 'utf8'));
    const refined = parse(readFileSync(join(dir, 'outputs/demo/k_sigma_recipe.yaml'), 'utf8'));
    expect(refined.dataset_path).toBe(original.dataset_path);
    expect(refined.process[0].language_id_score_filter.lang).toBe('en');
    expect(refined.process[0].language_id_score_filter.min_score).not.toBe(0.5);
    expect(refined.process[5].word_repetition_filter.rep_len).toBe(10);
    // clamped to the parameter's valid range: mean − 1.5·std of text lengths is negative here
    expect(refined.process[1].text_length_filter.min_len).toBeGreaterThanOrEqual(0);

    // The refined data is a strict subset and scores higher with the quality classifier than the raw data.
    const processed = readFileSync(join(dir, jobs('refined')[2].processed_dataset_path), 'utf8')
      .trim()
      .split('\n');
    expect(processed.length).toBeGreaterThan(1000);
    expect(processed.length).toBeLessThan(4000);
    const quality = (name: string) => jobs(name).find((j: { meta_name: string }) => j.meta_name === 'eval_data')['0'];
    expect(quality('refined')).toBeGreaterThan(quality('raw'));
    const model = (name: string) => jobs(name).find((j: { meta_name: string }) => j.meta_name === 'eval_model')['0'];
    expect(model('refined').bits_per_byte).toBeGreaterThan(0);
    expect(model('raw').bits_per_byte).toBeGreaterThan(0);

    expect(stripVTControlCharacters(stderr)).toMatch(/Results \(iteration 1\)\n.*refined.*raw/);
  }, 300_000);
});
