import {
  type ComponentKind,
  type ConfigTree,
  KNOWN_HOOK_PROVIDERS,
  KNOWN_OPERATOR_PROVIDERS,
  knownComponentProvider,
  NATIVE_ENGINE,
  type PluginRegistry,
  pipelineJobs,
  recipeOperatorNames,
  type SandboxConfig,
  staticExtraConfigs,
} from '@dj-sandbox/core';

/** Operator packages loaded with the data engine when they are installed. */
export const OPERATOR_PACKAGES = [
  '@dj-sandbox/ops-text',
  '@dj-sandbox/ops-image',
  '@dj-sandbox/ops-video',
  '@dj-sandbox/ops-audio',
  '@dj-sandbox/ops-llm',
];

/** Other data engines, loaded with the native one when installed: it hands them recipes it cannot run. */
export const ENGINE_PACKAGES = ['@dj-sandbox/executor-data-juicer-py'];

/** Service packages loaded when installed, because the plugins that need them resolve them by ref. */
export const SERVICE_PACKAGES = ['@dj-sandbox/env-manager'];

/**
 * The service refs each automatic service package provides: it is not loaded when a listed plugin already provides
 * them (a config may bring its own Python bridge), which would otherwise be a "provided twice" conflict.
 */
export const SERVICE_PACKAGE_REFS: Readonly<Record<string, readonly string[]>> = {
  '@dj-sandbox/env-manager': ['env-manager.python-envs'],
};

/**
 * The operator packages a recipe's operators come from (KNOWN_OPERATOR_PROVIDERS), when every operator is a known
 * native one and nothing asks for another engine (`engine:` other than typescript, `executor_type: ray`); undefined
 * when the recipe may need any installed package (an operator from elsewhere, the Python engine). `process` and
 * `analyze` load only these, instead of every installed operator package and engine: a text recipe then skips
 * the image, video, audio and LLM packages and the Python engine, about a third of the start-up time.
 */
export function recipePackages(recipe: ConfigTree): string[] | undefined {
  const engine = recipe.engine;
  if ((engine !== undefined && engine !== null && engine !== NATIVE_ENGINE) || recipe.executor_type === 'ray')
    return undefined;
  const packages = new Set<string>();
  for (const name of recipeOperatorNames(recipe)) {
    const provider = KNOWN_OPERATOR_PROVIDERS[name];
    if (!provider) return undefined;
    packages.add(provider);
  }
  return [...packages];
}

/** The data engine package, needed by the data hooks. */
export const DATA_ENGINE_PACKAGE = '@dj-sandbox/executor-data-juicer';

/** Hooks that build the data engine's DataExecutor / DataAnalyzer. */
export const DATA_ENGINE_HOOKS = new Set(['ProbeViaAnalyzerHook', 'ProcessDataHook', 'ProbeViaModelInferHook']);

/** First-party packages that provide the hooks a config uses and no loaded plugin provides. */
export function neededHookPackages(config: SandboxConfig, registry: PluginRegistry): string[] {
  const needed = new Set<string>();
  for (const pipeline of config.pipelines) {
    for (const { job } of pipelineJobs(pipeline)) {
      const provider = KNOWN_HOOK_PROVIDERS[job.hook];
      if (!registry.hooks.has(job.hook) && provider) needed.add(provider);
      if (DATA_ENGINE_HOOKS.has(job.hook) && !registry.component('DataExecutor', 'default'))
        needed.add(DATA_ENGINE_PACKAGE);
    }
  }
  return [...needed];
}

/** First-party packages that provide the component types a config's jobs select and no loaded plugin provides. */
export function neededComponentPackages(config: SandboxConfig, registry: PluginRegistry, cwd: string): string[] {
  const needed = new Set<string>();
  for (const pipeline of config.pipelines) {
    for (const { job } of pipelineJobs(pipeline)) {
      const kind: ComponentKind | undefined = registry.hooks.get(job.hook)?.value.componentKind;
      const type = staticExtraConfigs(job, cwd)?.type;
      if (!kind || typeof type !== 'string' || registry.component(kind, type)) continue;
      const provider = knownComponentProvider(kind, type);
      if (provider) needed.add(provider);
    }
  }
  return [...needed];
}
