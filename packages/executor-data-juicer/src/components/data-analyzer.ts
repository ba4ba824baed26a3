import { type ConfigTree, type DataAnalyzerComponent, defineComponent } from '@dj-sandbox/core';
import { analyzeRecipe } from './analyze-recipe.ts';
import { chooseEngine, withoutEngineKey } from './choose-engine.ts';

/**
 * The `DataAnalyzer` component (type `default`): Data-Juicer's Analyzer over a raw recipe, here or on the engine that
 * runs its operators.
 */
export const dataAnalyzerComponent = defineComponent<ConfigTree>({
  kind: 'DataAnalyzer',
  type: 'default',
  description: "Analyzes a dataset with a Data-Juicer recipe's filters: stats file, overall table, figures.",
  create(recipe, env): DataAnalyzerComponent | Promise<DataAnalyzerComponent> {
    const engine = chooseEngine(recipe, env);
    if (engine) return engine.createAnalyzer(recipe, env);
    return { run: () => analyzeRecipe(withoutEngineKey(recipe), env) };
  },
});
