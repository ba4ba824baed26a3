import { type ConfigTree, type DataExecutorComponent, defineComponent } from '@dj-sandbox/core';
import { processRecipe } from './process-recipe.ts';
import { sampleRecipe } from './sample-recipe.ts';

/** The `DataExecutor` component (type `default`): processes a raw Data-Juicer recipe, or draws a probe sample of it. */
export const dataExecutorComponent = defineComponent<ConfigTree>({
  kind: 'DataExecutor',
  type: 'default',
  description: 'Runs a Data-Juicer recipe: load, process (mappers, filters, deduplicators, selectors), export.',
  create(recipe, env): DataExecutorComponent {
    return { run: () => processRecipe(recipe, env), sample: (options) => sampleRecipe(recipe, options, env) };
  },
});
