import { join } from 'node:path';
import { isDjSandboxError } from '@dj-sandbox/core';
import { describe, expect, it } from 'vitest';
import {
  exactTestDeduplicator,
  languageIdScoreFilter,
  textLenTestFilter,
  uppercaseTestMapper,
} from '../__fixtures__/test-ops-plugin.ts';
import { FIXTURES } from '../test-helpers/test-env.ts';
import { initRecipe } from './init-recipe.ts';
import { loadRecipeFile } from './load-recipe-file.ts';

const operators = [textLenTestFilter, languageIdScoreFilter, uppercaseTestMapper, exactTestDeduplicator];

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}

describe('initRecipe', () => {
  it('expands the demo recipe like Data-Juicer: global defaults, op defaults, injected keys', async () => {
    const tree = loadRecipeFile(join(FIXTURES, 'demo-process.yaml'));
    const recipe = await initRecipe(tree, operators, { cwd: '/data' });
    expect(recipe.exportPath).toBe('/data/outputs/demo-process/demo-processed.jsonl');
    expect(recipe.workDir).toBe('/data/outputs/demo-process');
    expect(recipe.np).toBe(4);
    expect(recipe.tree.export_shard_size).toBe(0);
    expect(recipe.tree.skip_op_error).toBe(true);
    expect(recipe.tree.eoc_special_token).toBe('<|__dj__eoc|>');
    expect(recipe.ops[0]!.config).toMatchObject({
      lang: 'zh',
      min_score: 0.8,
      text_key: 'text',
      image_key: 'images',
      min_closed_interval: true,
      max_closed_interval: true,
      reversed_range: false,
      stats_export_path: null,
      num_proc: 4,
      skip_op_error: true,
      work_dir: '/data/outputs/demo-process',
      batch_size: 1000,
    });
    expect(recipe.tree.process).toEqual([{ language_id_score_filter: recipe.ops[0]!.config }]);
  });

  it('injects the first of text_keys and keeps what an op sets itself', async () => {
    const recipe = await initRecipe(
      {
        text_keys: ['content', 'title'],
        np: 2,
        process: [{ uppercase_test_mapper: { text_key: 'title', num_proc: null } }, 'text_len_test_filter'],
      },
      operators,
    );
    expect(recipe.textKeys).toEqual(['content', 'title']);
    expect(recipe.ops[0]!.params).toMatchObject({ text_key: 'title', num_proc: 2, rounds: 0 });
    expect(recipe.ops[1]!.params).toMatchObject({ text_key: 'content', min: 10, max: null });
  });

  it('names process[i] and suggests close operator names for an unknown op', async () => {
    const error = await rejection(
      initRecipe({ process: [{ text_len_test_filter: {} }, { text_length_test_filter: {} }] }, operators),
    );
    expect(isDjSandboxError(error)).toBe(true);
    expect(error.message).toMatch(
      /^process\[1\]: unknown operator "text_length_test_filter"\. Did you mean "text_len_test_filter"\?/,
    );
  });

  it('tells the user to install @dj-sandbox/ops-text when no operator plugin is loaded', async () => {
    const error = await rejection(initRecipe({ process: [{ text_length_filter: {} }] }, []));
    expect(error.message).toContain('process[0]');
    expect(error.message).toContain('provided by @dj-sandbox/ops-text: install it');
  });

  it('reports every invalid parameter and global at once', async () => {
    const error = await rejection(
      initRecipe({ np: 0, process: [{ text_len_test_filter: { min: 'ten' } }, { nope: null }] }, operators),
    );
    expect(error.message).toMatch(/^3 problems in the config/);
    expect(error.message).toContain('np: np must be a positive integer');
    expect(error.message).toContain(
      'process[0].text_len_test_filter.min: invalid parameter of text_len_test_filter: expected a number',
    );
    expect(error.message).toContain('process[1]: unknown operator "nope"');
  });

  it('rejects export formats the standalone executor cannot write', async () => {
    const error = await rejection(initRecipe({ export_path: 'out/data.csv' }, operators));
    expect(error.message).toContain('export_path: export type "csv" is not supported');
  });
});
