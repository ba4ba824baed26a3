import { type ConfigTree, type DataExecutorComponent, defineComponent } from '@dj-sandbox/core';
import { processRecipe } from './process-recipe.ts';

/** The `DataExecutor` component (type `default`): processes a raw Data-Juicer recipe. */
export const dataExecutorComponent = defineComponent<ConfigTree>({
  kind: 'DataExecutor',
  type: 'default',
  description: 'Runs a Data-Juicer recipe: load, process (mappers, filters, deduplicators, selectors), export.',
  create(recipe, env): DataExecutorComponent {
    return { run: () => processRecipe(recipe, env) };
  },
});
