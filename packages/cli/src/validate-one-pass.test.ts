import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { testdir } from '@dj-sandbox/test-utils';
import { describe, expect, it } from 'vitest';
import { linkInstalledPackages, runCli } from './test-helpers/run-cli.ts';

const PLUGIN = fileURLToPath(new URL('./__fixtures__/counting-plugin.mjs', import.meta.url));

// Eight unrelated mistakes: two in the config's globals, one hook, three in a recipe file, one in a component
// config, one input naming no job.
const CONFIG = `plugins: ['${PLUGIN}']
work_dir: ./out
max_iter_nmu: 2
iter_targets_mode: some
pipelines:
  - prep:
      probe_job_configs:
        - {hook: ProbeViaAnalyzerHok, meta_name: probe}
      execution_job_configs:
        - {hook: ProcessDataHook, meta_name: process, dj_configs: recipe.yaml}
  - model:
      evaluation_job_configs:
        - {hook: InferModelHook, meta_name: infer, extra_configs: {type: counting_infer, optimizer: adamw}}
        - {hook: EvaluateDataHook, meta_name: score, input: {extra_configs.value: prep.proces.0}}
`;
const RECIPE = `dataset_path: d.jsonl
export_pth: out/x.jsonl
process:
  - text_length_filter: {min_lenn: 5}
  - words_num_filter: {min_num: 50, max_num: 10}
`;

describe('dj-sandbox validate', () => {
  it('reports all eight mistakes of a config, its recipe file and a component config in one pass', async () => {
    const dir = testdir({ 'sandbox.yaml': CONFIG, 'recipe.yaml': RECIPE });
    linkInstalledPackages(dir);
    const { code, stderr } = await runCli(['validate', '-c', 'sandbox.yaml'], { cwd: dir });
    const text = stripVTControlCharacters(stderr);
    expect(code, text).toBe(2);
    expect(text).toContain('8 problems in the config:');
    for (const expected of [
      /sandbox\.yaml:3:1 max_iter_nmu: unknown key "max_iter_nmu"/,
      /iter_targets_mode: unknown iter_targets_mode/,
      /undefined hook "ProbeViaAnalyzerHok"/,
      /recipe\.yaml:2:1 export_pth: unknown recipe key "export_pth"\. Did you mean "export_path"/,
      /recipe\.yaml:4:26 process\[0\]\.text_length_filter\.min_lenn: text_length_filter has no parameter "min_lenn"/,
      /recipe\.yaml:5:24 .*words_num_filter: min_num \(50\) is above max_num \(10\)/,
      /extra_configs\.optimizer: invalid ModelInferExecutor config for type "counting_infer": optimizer: unknown optimizer "adamw"/,
      /input\.extra_configs\.value: input extra_configs\.value names no job: "prep\.proces\.0"/,
    ])
      expect(text).toMatch(expected);
  }, 60_000);
});
