import type { AnalyzeDataResult } from '@dj-sandbox/core';
import pc from 'picocolors';
import { EXIT } from '../output/render-error.ts';
import { createDataComponent, type RecipeOptions, readRecipe, recipeFileOf } from './data-engine.ts';

/** `dj-sandbox analyze --recipe r.yaml`: Data-Juicer's `dj-analyze`. */
export async function analyzeCommand(options: RecipeOptions, cwd: string = process.cwd()): Promise<number> {
  const recipe = readRecipe(options, cwd);
  const analyzer = await createDataComponent('DataAnalyzer', recipe, cwd, options.debug, recipeFileOf(options));
  try {
    const result = (await analyzer.run()) as AnalyzeDataResult;
    process.stderr.write(
      `${pc.green('✔')} analysed ${result.samples} samples: ${result.statsPath}, ${result.analysisDir}/overall.csv, ${result.figures.length} figures\n`,
    );
    return EXIT.ok;
  } finally {
    await analyzer.dispose?.();
  }
}
