import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkRecipe, loadSideConfigSource, type OperatorDescriptor } from '@dj-sandbox/core';
import { describe, expect, it } from 'vitest';
import { textOperators } from './plugin.ts';

/** A catalogued operator of another engine, as the Python engine describes Data-Juicer's. */
const videoDurationFilter: OperatorDescriptor = {
  name: 'video_duration_filter',
  kind: 'filter',
  engine: 'python',
  params: { min_duration: { default: 0 }, max_duration: { default: 1.7976931348623157e308 } },
};

function check(recipeYaml: string) {
  const dir = mkdtempSync(join(tmpdir(), 'strict-recipe-'));
  const file = join(dir, 'recipe.yaml');
  writeFileSync(file, recipeYaml);
  const source = loadSideConfigSource(file, 'dj_configs', dir);
  const result = checkRecipe(source.tree, {
    operators: textOperators,
    catalog: [videoDurationFilter],
    locate: source.locate,
  });
  const short = (message: string) => message.replace(`${file}:`, 'recipe.yaml:');
  return { errors: result.errors.map((e) => short(e.message)), warnings: result.warnings.map((w) => short(w.message)) };
}

// Each bad recipe with the messages it must produce (every one of them, and nothing else).
const BAD_RECIPES: Array<{ what: string; recipe: string; errors: RegExp[]; warnings?: RegExp[] }> = [
  {
    what: 'a misspelt process key',
    recipe: 'dataset_path: d.jsonl\nprocss:\n  - text_length_filter: {min_len: 5}\n',
    errors: [/^recipe\.yaml:2:1 procss: unknown recipe key "procss"\. Did you mean "process"\?/],
  },
  {
    what: 'an unknown operator',
    recipe: 'process:\n  - text_lenght_filter: {min_len: 5}\n',
    errors: [
      /^recipe\.yaml:2:5 process\[0\]: unknown operator "text_lenght_filter"\. Did you mean "text_length_filter"/,
    ],
  },
  {
    what: 'an unknown parameter',
    recipe: 'process:\n  - text_length_filter:\n      min_lenn: 5\n',
    errors: [
      /^recipe\.yaml:3:7 process\[0\]\.text_length_filter\.min_lenn: text_length_filter has no parameter "min_lenn"\. Did you mean "min_len"/,
    ],
  },
  {
    what: 'min above max',
    recipe: 'process:\n  - text_length_filter: {min_len: 500, max_len: 10}\n',
    errors: [/^recipe\.yaml:2:26 .*min_len \(500\) is above max_len \(10\)/],
  },
  {
    what: 'a negative upper length',
    recipe: 'process:\n  - words_num_filter: {max_num: -1}\n',
    errors: [/words_num_filter\.max_num = -1 is outside its range\. Expected a value in \[0, /],
  },
  {
    what: 'a ratio above 1',
    recipe: 'process:\n  - special_characters_filter: {min_ratio: 1.5}\n',
    errors: [/special_characters_filter\.min_ratio = 1\.5 is outside its range\. Expected a value in \[0, 1\]/],
  },
  {
    what: 'a negative lower bound, which bounds nothing',
    recipe: 'process:\n  - text_length_filter: {min_len: -3}\n',
    errors: [],
    warnings: [/text_length_filter\.min_len = -3 is outside its range.*bounds nothing/],
  },
  {
    what: 'an unknown parameter of a catalogued operator',
    recipe: 'process:\n  - video_duration_filter: {min_durration: 2}\n',
    errors: [/video_duration_filter has no parameter "min_durration"\. Did you mean "min_duration"/],
  },
  {
    what: 'a typo close to a catalogued operator',
    recipe: 'process:\n  - video_duraton_filter: {}\n',
    errors: [/unknown operator "video_duraton_filter"\. Did you mean "video_duration_filter"/],
  },
];

describe('strict recipes', () => {
  it.each(BAD_RECIPES)('reports $what', ({ recipe, errors, warnings = [] }) => {
    const found = check(recipe);
    expect(found.errors).toHaveLength(errors.length);
    for (const [i, pattern] of errors.entries()) expect(found.errors[i]).toMatch(pattern);
    expect(found.warnings).toHaveLength(warnings.length);
    for (const [i, pattern] of warnings.entries()) expect(found.warnings[i]).toMatch(pattern);
  });

  it("accepts Data-Juicer's base-class keys on every op and the filter keys on filters", () => {
    const recipe = `process:
  - text_length_filter: {min_len: 5, text_key: content, num_proc: 2, accelerator: cpu, reversed_range: true, stats_export_path: s.jsonl, mem_required: 1GB}
  - whitespace_normalization_mapper: {batch_size: 10, skip_op_error: false, index_key: idx}
  - video_duration_filter: {min_duration: 1, max_closed_interval: false, turbo: true}
`;
    expect(check(recipe)).toEqual({ errors: [], warnings: [] });
  });

  it('accepts the base-class keys Data-Juicer 1.6.1 added (dependency-aware planning, Ray resources)', () => {
    const recipe = `process:
  - text_length_filter: {min_len: 5, input_columns: text, output_columns: [__dj__stats__], num_cpus: 1, memory: 2GB}
  - whitespace_normalization_mapper: {adaptive_batching: true, auto_op_parallelism: false, batch_mode: true}
  - video_duration_filter: {min_duration: 1, ray_execution_mode: task, runtime_env: {pip: [numpy]}, num_gpus: 0}
`;
    expect(check(recipe)).toEqual({ errors: [], warnings: [] });
  });

  it('says nothing about a valid recipe with every global key Data-Juicer knows', () => {
    const recipe =
      'project_name: p\ndataset_path: d.jsonl\nexport_path: o.jsonl\nnp: 2\ntext_keys: text\nuse_cache: false\nop_fusion: false\nprocess:\n  - words_num_filter: {min_num: 3, max_num: 100}\n';
    expect(check(recipe)).toEqual({ errors: [], warnings: [] });
  });
});
