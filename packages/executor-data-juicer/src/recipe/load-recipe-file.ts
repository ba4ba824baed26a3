import { type ConfigTree, loadSideConfig } from '@dj-sandbox/core';

/**
 * Reads a Data-Juicer recipe file (`.yaml`, `.yml` or `.json`) into a plain tree, resolving a relative path against
 * the working directory. Defaults are not filled: pass the tree to `initRecipe`.
 */
export function loadRecipeFile(path: string): ConfigTree {
  return loadSideConfig(path, path);
}
