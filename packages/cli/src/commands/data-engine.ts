import { dirname, resolve } from 'node:path';
import {
  type Component,
  type ComponentEnv,
  type ComponentKind,
  type ConfigTree,
  configError,
  createLogger,
  expandDottedKeys,
  isMapping,
  loadSideConfig,
  loggerRef,
  MemoryTracker,
  pluginError,
  progressRef,
  RunContainer,
  runInfoRef,
  trackerRef,
} from '@dj-sandbox/core';
import { terminalSink } from '../output/log-sinks.ts';
import { progressFor } from '../output/progress.ts';
import { DATA_ENGINE_PACKAGE } from '../plugins/first-party.ts';
import { loadPlugins } from '../plugins/load-plugins.ts';

/** Options shared by `process` and `analyze`, the counterparts of `dj-process` and `dj-analyze`. */
export interface RecipeOptions {
  /** `--recipe`; `--config` is Data-Juicer's own spelling (`dj-process --config r.yaml`) and means the same. */
  recipe?: string;
  config?: string;
  np?: string;
  exportPath?: string;
  datasetPath?: string;
  strict?: boolean;
  debug?: boolean;
}

/** The recipe file named by `--recipe` or, as Data-Juicer's commands take it, `--config`. */
export function recipeFileOf(options: RecipeOptions): string {
  const file = options.recipe ?? options.config;
  if (file === undefined)
    throw configError('usage-recipe', 'no recipe given.', {
      path: '--recipe',
      expected: 'a Data-Juicer recipe file',
      fix: 'Pass --recipe recipe.yaml (or --config recipe.yaml, as dj-process and dj-analyze take it).',
    });
  return file;
}

/** Reads a Data-Juicer recipe and applies the command-line overrides (they win over the file, as in DJ). */
export function readRecipe(options: RecipeOptions, cwd: string): ConfigTree {
  const tree = loadSideConfig(recipeFileOf(options), '--recipe', cwd);
  const recipe = expandDottedKeys(tree) as ConfigTree;
  if (options.np !== undefined) {
    const np = Number(options.np);
    if (!Number.isInteger(np) || np < 1)
      throw configError('usage-np', 'invalid --np.', {
        path: '--np',
        expected: 'a positive integer',
        received: options.np,
      });
    recipe.np = np;
  }
  if (options.exportPath !== undefined) recipe.export_path = options.exportPath;
  if (options.datasetPath !== undefined) recipe.dataset_path = options.datasetPath;
  if (options.strict) recipe.strict = true;
  return recipe;
}

/** Builds the data engine's component of `kind` for a recipe, with the installed operator plugins loaded. */
export async function createDataComponent(
  kind: ComponentKind,
  recipe: ConfigTree,
  cwd: string,
  debug = false,
  recipeFile?: string,
): Promise<Component> {
  const { registry, errors } = await loadPlugins(
    undefined,
    cwd,
    [DATA_ENGINE_PACKAGE],
    recipeFile ? resolve(cwd, recipeFile) : undefined,
    recipe,
  );
  if (errors.length) throw errors[0];
  const owned = registry.component(kind, 'default');
  if (!owned) {
    throw pluginError('engine-missing', 'the data engine is not installed.', {
      expected: `${DATA_ENGINE_PACKAGE} installed next to your recipe, in the working directory or beside dj-sandbox`,
      fix: `npm i ${DATA_ENGINE_PACKAGE} @dj-sandbox/ops-text`,
    });
  }
  const exportPath =
    typeof recipe.export_path === 'string' ? recipe.export_path : './outputs/hello_world/hello_world.jsonl';
  const workDir = resolve(cwd, typeof recipe.work_dir === 'string' ? recipe.work_dir : dirname(exportPath));
  const logger = createLogger([terminalSink()], debug ? 'debug' : 'info');
  const tracker = new MemoryTracker();
  const progress = progressFor();
  const signal = new AbortController().signal;
  const pipeline = kind === 'DataExecutor' ? 'dj-process' : 'dj-analyze';
  // The plugins' services (the Python bridge for the Python engine), as a sandbox run provides them.
  const container = new RunContainer(
    [
      [loggerRef, logger],
      [trackerRef, tracker],
      [progressRef, progress],
      [runInfoRef, { workDir, cwd, projectName: pipeline, experimentName: pipeline, signal }],
    ],
    registry.services.values(),
  );
  const env: ComponentEnv = {
    logger,
    tracker,
    progress,
    signal,
    workDir,
    scope: { iteration: 1, pipeline, job: null, metaName: null },
    resolve: (ref) => container.resolve(ref),
    extensions: (point) => registry.extensions(point),
    ownedExtensions: (point) => registry.ownedExtensions(point),
  };
  if (!isMapping(recipe)) throw configError('recipe-shape', 'the recipe must be a mapping.', { path: '--recipe' });
  return owned.value.create(recipe, env);
}
