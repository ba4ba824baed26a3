import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { testdir } from '@dj-sandbox/test-utils';
import { describe, expect, it } from 'vitest';
import { linkInstalledPackages, runCli } from './test-helpers/run-cli.ts';

const RECIPE = `
dataset_path: ./data.jsonl
export_path: ./out/result.jsonl
process:
  - text_length_filter: {min_len: 10}
`;
const DATA = `${JSON.stringify({ text: 'short' })}\n${JSON.stringify({ text: 'long enough to keep' })}\n`;

describe('dj-sandbox process and analyze take the recipe as Data-Juicer does', () => {
  it('reads the recipe from --config, as dj-process --config recipe.yaml', async () => {
    const dir = testdir({ 'recipe.yaml': RECIPE, 'data.jsonl': DATA });
    linkInstalledPackages(dir);
    const result = await runCli(['process', '--config', 'recipe.yaml'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(readFileSync(join(dir, 'out/result.jsonl'), 'utf8')).toBe(
      `${JSON.stringify({ text: 'long enough to keep' })}\n`,
    );
  });

  it('exits 2 naming both spellings when no recipe is given', async () => {
    const dir = testdir({});
    const result = await runCli(['analyze'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--recipe recipe.yaml (or --config recipe.yaml');
  });
});
