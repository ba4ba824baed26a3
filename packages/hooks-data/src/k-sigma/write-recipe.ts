import { mkdir } from 'node:fs/promises';
import { dirname, extname } from 'node:path';
import { type ConfigTree, configError, writeFileAtomic } from '@dj-sandbox/core';
import { stringify } from 'yaml';

/** Recipe file suffixes k-sigma can write, as Data-Juicer's tool accepts them. */
export const RECIPE_SUFFIXES = ['.yaml', '.yml', '.json'] as const;

/** Fails unless `path` ends in a suffix {@link writeRecipe} can write. */
export function checkRecipeSuffix(path: string, configPath: string): void {
  if ((RECIPE_SUFFIXES as readonly string[]).includes(extname(path).toLowerCase())) return;
  throw configError('k-sigma-recipe-type', 'unsupported file type for the refined recipe.', {
    plugin: 'hooks-data',
    path: configPath,
    expected: `a path ending in ${RECIPE_SUFFIXES.join(', ')}`,
    received: path,
    fix: 'Use .yaml or .yml for YAML, or .json for JSON.',
  });
}

/** Writes a recipe as YAML (`.yaml`/`.yml`) or JSON (`.json`), creating its folder. */
export async function writeRecipe(recipe: ConfigTree, absolutePath: string): Promise<void> {
  const text =
    extname(absolutePath).toLowerCase() === '.json' ? `${JSON.stringify(recipe, null, 2)}\n` : stringify(recipe);
  await mkdir(dirname(absolutePath), { recursive: true });
  await writeFileAtomic(absolutePath, text);
}
