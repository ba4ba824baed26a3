import { type ConfigTree, type DataAnalyzerComponent, defineComponent } from '@dj-sandbox/core';
import { analyzeRecipe } from './analyze-recipe.ts';

/** The `DataAnalyzer` component (type `default`): Data-Juicer's Analyzer over a raw recipe. */
export const dataAnalyzerComponent = defineComponent<ConfigTree>({
  kind: 'DataAnalyzer',
  type: 'default',
  description: "Analyzes a dataset with a Data-Juicer recipe's filters: stats file, overall table, figures.",
  create(recipe, env): DataAnalyzerComponent {
    return { run: () => analyzeRecipe(recipe, env) };
  },
});
