import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type ConfigTree,
  deepCopy,
  MemoryTracker,
  type OverallTable,
  PluginRegistry,
  runSandbox,
} from '@dj-sandbox/core';
import { job, sandboxConfig } from '@dj-sandbox/test-utils';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import plugin from '../plugin.ts';
import { fixturePlugin } from '../test-helpers/fixture-plugin.ts';

const table: OverallTable = {
  text_len: { count: 6, mean: 41.5, std: 12.25, min: 8, max: 99 },
  lang: { count: 6, mean: null, std: null },
  lang_score: { count: 6, mean: 0.7, std: 0.3 },
  char_rep_ratio: { count: 6, mean: 0.2, std: 0.3 },
  num: { count: 6, mean: 5, std: 4 },
  perplexity: { count: 1, mean: 900, std: null },
};

const recipe = (): ConfigTree => ({
  project_name: 'demo',
  dataset_path: './data/demo.jsonl',
  export_path: './outputs/demo/processed.jsonl',
  np: 2,
  process: [
    { clean_email_mapper: null },
    { text_length_filter: { min_len: 10, max_len: 10000 } },
    { language_id_score_filter: { lang: 'en', min_score: 0.8 } },
    { character_repetition_filter: { rep_len: 10, min_ratio: 0.1, max_ratio: 0.5 } },
    {
      specified_numeric_field_filter: {
        field_key: 'num',
        min_value: 0,
        max_value: 100,
        min_closed_interval: true,
        max_closed_interval: false,
      },
    },
    { perplexity_filter: { lang: 'en', max_ppl: 1500 } },
    { text_length_filter: null },
  ],
});

async function refine(extra: ConfigTree, metaName = 'analysis_ori_data') {
  const cwd = await mkdtemp(join(tmpdir(), 'hooks-data-ksigma-'));
  await writeFile(
    join(cwd, 'demo.jsonl'),
    await readFile(new URL('../__fixtures__/data-demo-dataset.jsonl', import.meta.url)),
  );
  const registry = new PluginRegistry();
  await registry.add(plugin);
  await registry.add(fixturePlugin(table));
  const dj = { ...recipe(), dataset_path: 'demo.jsonl' };
  const config = sandboxConfig({
    probe_job_configs: [
      job('probe_job_configs', 0, { hook: 'ProbeViaAnalyzerHook', meta_name: 'analysis_ori_data', dj_configs: dj }),
    ],
    refine_recipe_job_configs: [
      job('refine_recipe_job_configs', 0, {
        hook: 'RefineRecipeViaKSigmaHook',
        meta_name: metaName,
        output: ['refined_recipe_path'],
        dj_configs: dj,
        extra_configs: extra,
      }),
    ],
  });
  const result = await runSandbox({ config, registry, cwd, tracker: new MemoryTracker() });
  return { cwd, dj, result };
}

describe('RefineRecipeViaKSigmaHook', () => {
  it('moves exactly the numeric min/max parameters of ops with tracked stats to mean ∓ k·std, fitted to their range', async () => {
    const { cwd, dj, result } = await refine({ path_k_sigma_recipe: 'refined/recipe.yaml' });
    const written = parse(await readFile(join(cwd, 'refined/recipe.yaml'), 'utf8'));
    const k = 3;
    const expected = deepCopy(dj) as unknown as { process: Array<Record<string, Record<string, unknown>>> };
    const stat = (key: string, side: 1 | -1) => table[key]!.mean! + side * k * table[key]!.std!;
    // integer params round inwards and clamp at their schema minimum
    expected.process[1]!.text_length_filter!.min_len = Math.max(0, Math.ceil(stat('text_len', -1)));
    expected.process[1]!.text_length_filter!.max_len = Math.floor(stat('text_len', 1));
    // lang has no numeric mean; lang_score refines min_score, clamped into [0, 1]
    expected.process[2]!.language_id_score_filter!.min_score = Math.max(0, stat('lang_score', -1));
    // ratios clamp into [0, 1]; rep_len has neither min nor max in its name
    expected.process[3]!.character_repetition_filter!.min_ratio = Math.max(0, stat('char_rep_ratio', -1));
    expected.process[3]!.character_repetition_filter!.max_ratio = Math.min(1, stat('char_rep_ratio', 1));
    // no bounds in the schema: raw values; the closed-interval flags stay booleans
    expected.process[4]!.specified_numeric_field_filter!.min_value = stat('num', -1);
    expected.process[4]!.specified_numeric_field_filter!.max_value = stat('num', 1);
    expect(written).toEqual(expected);
    expect(written.process[1].text_length_filter).toEqual({ min_len: 5, max_len: 78 });
    expect(written.process[3].character_repetition_filter).toEqual({ rep_len: 10, min_ratio: 0, max_ratio: 1 });
    expect(written.process[5]).toEqual({ perplexity_filter: { lang: 'en', max_ppl: 1500 } });
    expect(written.export_path).toBe('./outputs/demo/processed.jsonl');
    // both jobs share the meta_name, so the refine job's output is read as the latest job's
    expect(result.contexts[0]!.lookupLast('refined_recipe_path')).toEqual({
      found: true,
      value: 'refined/recipe.yaml',
    });
  });

  it('writes JSON for a .json path and honours extra_configs.k', async () => {
    const { cwd } = await refine({ path_k_sigma_recipe: 'out/recipe.json', k: 1 });
    const written = JSON.parse(await readFile(join(cwd, 'out/recipe.json'), 'utf8'));
    expect(written.process[1].text_length_filter).toEqual({
      min_len: Math.ceil(table.text_len!.mean! - table.text_len!.std!),
      max_len: Math.floor(table.text_len!.mean! + table.text_len!.std!),
    });
    expect(written.process[2].language_id_score_filter.min_score).toBeCloseTo(0.4, 12);
  });

  it('rejects a recipe path that is neither YAML nor JSON, naming the key and the suffixes', async () => {
    await expect(refine({ path_k_sigma_recipe: 'out/recipe.txt' })).rejects.toThrow(
      /extra_configs\.path_k_sigma_recipe: unsupported file type.*\.yaml, \.yml, \.json.*"out\/recipe\.txt"/,
    );
  });

  it('fails clearly when no probe tracked a table under its meta_name', async () => {
    await expect(refine({ path_k_sigma_recipe: 'r.yaml' }, 'other_name')).rejects.toThrow(
      /no analysis table is tracked under meta_name "other_name"/,
    );
  });
});
