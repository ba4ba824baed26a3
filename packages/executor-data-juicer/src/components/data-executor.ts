import { type ConfigTree, type DataExecutorComponent, defineComponent } from '@dj-sandbox/core';
import { chooseEngine, withoutEngineKey } from './choose-engine.ts';
import { processRecipe } from './process-recipe.ts';
import { sampleRecipe } from './sample-recipe.ts';

/**
 * The `DataExecutor` component (type `default`): processes a raw Data-Juicer recipe here, or hands it to the engine
 * that runs its operators (Data-Juicer in Python, Ray) when this engine lacks some; draws probe samples too.
 */
export const dataExecutorComponent = defineComponent<ConfigTree>({
  kind: 'DataExecutor',
  type: 'default',
  description: 'Runs a Data-Juicer recipe: load, process (mappers, filters, deduplicators, selectors), export.',
  create(recipe, env): DataExecutorComponent | Promise<DataExecutorComponent> {
    const engine = chooseEngine(recipe, env);
    if (engine) return engine.createExecutor(recipe, env);
    const own = withoutEngineKey(recipe);
    return { run: () => processRecipe(own, env), sample: (options) => sampleRecipe(own, options, env) };
  },
});
