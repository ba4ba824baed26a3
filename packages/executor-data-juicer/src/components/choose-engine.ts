import {
  type ComponentEnv,
  type ConfigTree,
  type DataEngine,
  dataEnginesPoint,
  selectDataEngine,
} from '@dj-sandbox/core';
import { loadedOperators } from './engine-env.ts';

/**
 * The engine that runs this recipe (docs/data-engines.md): undefined for this native engine, or another engine
 * (Data-Juicer in Python) that a loaded plugin contributed, logged in one line with the operators that caused it.
 */
export function chooseEngine(recipe: ConfigTree, env: ComponentEnv): DataEngine | undefined {
  const native = new Set(loadedOperators(env).definitions.map((d) => d.name));
  const choice = selectDataEngine(recipe, native, env.extensions(dataEnginesPoint));
  if (choice.engine) env.logger.info(`recipe ${choice.reason}`, { engine: choice.engine.id });
  return choice.engine;
}

/** The recipe without the keys that only engine selection reads. */
export function withoutEngineKey(recipe: ConfigTree): ConfigTree {
  const { engine: _engine, ...rest } = recipe;
  return rest;
}
