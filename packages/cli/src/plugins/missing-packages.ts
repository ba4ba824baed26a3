import { pathToFileURL } from 'node:url';
import {
  type ComponentKind,
  configError,
  type DjSandboxError,
  isMapping,
  KNOWN_HOOK_COMPONENT_KINDS,
  KNOWN_HOOK_PROVIDERS,
  knownComponentProvider,
  knownOperatorProvider,
  loadSideConfig,
  operatorCatalogPoint,
  operatorsPoint,
  type PluginRegistry,
  pipelineJobs,
  type SandboxConfig,
  staticExtraConfigs,
} from '@dj-sandbox/core';
import { DATA_ENGINE_HOOKS, DATA_ENGINE_PACKAGE } from './first-party.ts';
import { installCommand } from './install-command.ts';
import { resolvePlugin } from './load-plugins.ts';

/** A package a config needs, and what in the config needs it. */
export interface MissingPackage {
  name: string;
  neededBy: string[];
}

/** The operator names of a job's recipe (`dj_configs`, inline or a file), when it is known before the run. */
function recipeOperators(dj: unknown, path: string, cwd: string): string[] {
  let recipe: unknown = dj;
  if (typeof dj === 'string') {
    try {
      recipe = loadSideConfig(dj, path, cwd);
    } catch {
      return []; // a placeholder, or a recipe an earlier job writes: its operators are checked when the job runs
    }
  }
  if (!isMapping(recipe) || !Array.isArray(recipe.process)) return [];
  return recipe.process.flatMap((entry) => {
    if (typeof entry === 'string') return [entry];
    return isMapping(entry) ? Object.keys(entry).slice(0, 1) : [];
  });
}

/**
 * Every first-party package the config needs that is not installed, found in one pass over its jobs: the hooks'
 * packages, the data engine of the data hooks, the packages of the component types `extra_configs.type` selects
 * (the kind comes from the loaded hook, or from core's table when the hook's package is missing too) and of the
 * operators the recipes list. Installed packages are loaded automatically, so only missing ones are left.
 */
export function missingPackages(
  config: SandboxConfig,
  registry: PluginRegistry,
  cwd: string,
  /** The folders plugins are resolved from (`LoadedPlugins.bases`). */
  folders: readonly string[],
): MissingPackage[] {
  const bases = folders.map((f) => pathToFileURL(f.endsWith('/') ? f : `${f}/`).href);
  const needed = new Map<string, Set<string>>();
  const need = (name: string | undefined, what: string) => {
    if (!name) return;
    if (!needed.has(name)) needed.set(name, new Set());
    needed.get(name)!.add(what);
  };
  // An operator a loaded engine's catalogue runs (Data-Juicer itself, through executor-data-juicer-py) needs no
  // native package.
  const operators = new Set(
    [...registry.extensions(operatorsPoint), ...registry.extensions(operatorCatalogPoint)].map((op) => op.name),
  );
  for (const pipeline of config.pipelines) {
    for (const { job } of pipelineJobs(pipeline)) {
      const hook = registry.hooks.get(job.hook);
      if (!hook) need(KNOWN_HOOK_PROVIDERS[job.hook], `hook ${job.hook}`);
      // The data engine is needed by the first-party data hooks; a plugin's own hook of the same name may not need it.
      const firstPartyHook = !hook || `@dj-sandbox/${hook.plugin}` === KNOWN_HOOK_PROVIDERS[job.hook];
      if (firstPartyHook && DATA_ENGINE_HOOKS.has(job.hook) && !registry.component('DataExecutor', 'default'))
        need(DATA_ENGINE_PACKAGE, `the data engine of ${job.hook}`);
      const kind: ComponentKind | undefined = hook ? hook.value.componentKind : KNOWN_HOOK_COMPONENT_KINDS[job.hook];
      const type = kind ? staticExtraConfigs(job, cwd)?.type : undefined;
      if (kind && typeof type === 'string' && !registry.component(kind, type))
        need(knownComponentProvider(kind, type), `${kind} type ${type}`);
      for (const op of recipeOperators(job.dj_configs, `${job.configPath}.dj_configs`, cwd)) {
        if (!operators.has(op)) need(knownOperatorProvider(op), `operator ${op}`);
      }
    }
  }
  return [...needed]
    .filter(([name]) => !resolvePlugin(name, bases))
    .map(([name, what]) => ({ name, neededBy: [...what] }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** One problem that names every missing package with what needs it, and the one command that installs them all. */
export function missingPackagesError(missing: readonly MissingPackage[], projectDir: string): DjSandboxError {
  const names = missing.map((m) => m.name);
  return configError(
    'packages-missing',
    `${names.length === 1 ? 'a package' : `${names.length} packages`} this config needs ${names.length === 1 ? 'is' : 'are'} not installed: ${missing
      .map((m) => `${m.name} (${m.neededBy.join(', ')})`)
      .join('; ')}.`,
    {
      path: 'plugins',
      expected: 'the packages that provide the hooks, component types and operators the config uses',
      received: 'not installed',
      fix: `Install them: ${installCommand(names, projectDir)}`,
    },
  );
}
