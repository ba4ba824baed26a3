import type { ProcessDataResult } from '@dj-sandbox/core';
import pc from 'picocolors';
import { EXIT } from '../output/render-error.ts';
import { createDataComponent, type RecipeOptions, readRecipe, recipeFileOf } from './data-engine.ts';

/** `dj-sandbox process --recipe r.yaml`: Data-Juicer's `dj-process`. */
export async function processCommand(options: RecipeOptions, cwd: string = process.cwd()): Promise<number> {
  const recipe = readRecipe(options, cwd);
  const executor = await createDataComponent('DataExecutor', recipe, cwd, options.debug, recipeFileOf(options));
  try {
    const result = (await executor.run()) as ProcessDataResult;
    for (const op of result.ops)
      process.stderr.write(`  ${op.name}: ${op.samplesOut} left (${op.seconds.toFixed(2)}s)\n`);
    process.stderr.write(
      `${pc.green('✔')} ${result.samplesIn} → ${result.samplesOut} samples, exported to ${result.exportPaths.join(', ')}\n`,
    );
    return EXIT.ok;
  } finally {
    await executor.dispose?.();
  }
}
