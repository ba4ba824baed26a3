import { dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  type ConfigTree,
  type DjSandboxError,
  PluginRegistry,
  pluginError,
  type SandboxConfig,
} from '@dj-sandbox/core';
import { resolve as resolveModule } from 'import-meta-resolve';
import {
  DATA_ENGINE_PACKAGE,
  ENGINE_PACKAGES,
  neededComponentPackages,
  neededHookPackages,
  OPERATOR_PACKAGES,
  recipePackages,
  SERVICE_PACKAGE_REFS,
  SERVICE_PACKAGES,
} from './first-party.ts';

const ALL_ENGINE_PACKAGES = [...OPERATOR_PACKAGES, ...ENGINE_PACKAGES];

/** The folder of the CLI package itself: plugins installed beside it (npx -p, a global install) resolve from here. */
export const CLI_PACKAGE_DIR = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Where plugin names are resolved from, in order (docs/plugin-resolution.md): the config (or recipe) file's folder,
 * the working directory, then the CLI's own installation, so that plugins installed next to the CLI (`npx -p`,
 * a global install, a workspace root) are found wherever the config is.
 */
export function resolutionBases(configFile: string | undefined, cwd: string): string[] {
  const bases = [pathToFileURL(`${cwd}/`).href];
  if (configFile) bases.unshift(pathToFileURL(`${dirname(configFile)}/`).href);
  // DJ_SANDBOX_RESOLVE_FROM_CLI=0 leaves the CLI's installation out: tests use it to see what a project that has
  // only the CLI and its own plugins sees, inside a workspace where every plugin is installed.
  if (process.env.DJ_SANDBOX_RESOLVE_FROM_CLI === '0') return bases;
  const cli = pathToFileURL(CLI_PACKAGE_DIR.endsWith('/') ? CLI_PACKAGE_DIR : `${CLI_PACKAGE_DIR}/`).href;
  if (!bases.includes(cli)) bases.push(cli);
  return bases;
}

/** Resolves a plugin module specifier to a URL, or undefined when it is not installed. */
export function resolvePlugin(name: string, bases: readonly string[]): string | undefined {
  for (const base of bases) {
    try {
      return resolveModule(name, base);
    } catch {
      // not installed relative to this base: try the next one
    }
  }
  return undefined;
}

async function importPlugin(url: string): Promise<unknown> {
  let value: unknown = await import(url);
  // ESM default, or CJS interop wrapping it once more
  for (let i = 0; i < 2 && value && typeof value === 'object' && 'default' in value && !('$$type' in value); i++) {
    value = (value as { default: unknown }).default;
  }
  return value;
}

/** The loaded plugins, and every problem found while loading. */
export interface LoadedPlugins {
  registry: PluginRegistry;
  errors: DjSandboxError[];
  /** First-party plugins loaded because the config needed them. */
  automatic: string[];
  /** The folders plugin names were resolved from, in order. */
  bases: string[];
  /** The plugins the config lists that are not installed, with their config paths. */
  notFound: Array<{ name: string; path: string }>;
}

async function loadOne(
  registry: PluginRegistry,
  name: string,
  options: unknown,
  bases: readonly string[],
  path: string,
  imported?: { url: string; module: Promise<unknown> },
): Promise<DjSandboxError | undefined> {
  const url = imported?.url ?? resolvePlugin(name, bases);
  if (!url) {
    return pluginError('plugin-not-found', `cannot find plugin ${JSON.stringify(name)}.`, {
      path,
      expected: `an installed package, resolved from ${bases.map((b) => fileURLToPath(b)).join(', then ')}`,
      received: name,
      fix: 'Install it (the install command is below), or correct the name.',
    });
  }
  try {
    await registry.add(await (imported?.module ?? importPlugin(url)), options, url);
    return undefined;
  } catch (error) {
    if ((error as DjSandboxError).code) return error as DjSandboxError;
    return pluginError(
      'plugin-load',
      `cannot load ${name}: ${(error as Error).message}`,
      { path, received: url },
      error,
    );
  }
}

/**
 * Loads the plugins a config lists (docs/architecture.md#discovery), then the installed first-party plugins that
 * provide hooks or component types the config uses but no listed plugin provides, and the installed operator packages
 * when the data engine is loaded.
 */
export async function loadPlugins(
  config: SandboxConfig | undefined,
  cwd: string,
  extra: string[] = [],
  /** A file whose folder is searched first when there is no config (the recipe of `process` / `analyze`). */
  nearFile?: string,
  /**
   * The recipe the data engine will run, when it is known (`process` / `analyze`): only the operator packages its
   * operators come from are loaded (see {@link recipePackages}); otherwise every installed one.
   */
  engineFor?: ConfigTree,
): Promise<LoadedPlugins> {
  const registry = new PluginRegistry();
  const errors: DjSandboxError[] = [];
  const automatic: string[] = [];
  const notFound: LoadedPlugins['notFound'] = [];
  const bases = resolutionBases(config?.configFile ?? nearFile, cwd);
  const entries = (config?.plugins ?? []).map((p) =>
    typeof p === 'string' ? ([p, undefined] as const) : ([p[0], p[1]] as const),
  );
  for (const [i, [name, options]] of entries.entries()) {
    const error = await loadOne(registry, name, options, bases, `plugins[${i}]`);
    if (error) errors.push(error);
    if (error?.code === 'plugin-not-found') notFound.push({ name, path: `plugins[${i}]` });
  }
  const tryAutomatic = async (names: readonly string[]) => {
    // Imported all at once (module loading waits on file reads, which overlap), registered in the given order.
    const pending = names.flatMap((name) => {
      if (registry.plugins.some((p) => `@dj-sandbox/${p.id}` === name)) return [];
      const url = resolvePlugin(name, bases);
      if (!url) return [];
      const module = importPlugin(url);
      module.catch(() => {});
      return [{ name, imported: { url, module } }];
    });
    for (const { name, imported } of pending) {
      const error = await loadOne(registry, name, undefined, bases, `(automatic) ${name}`, imported);
      if (error) errors.push(error);
      else automatic.push(name);
    }
  };
  await tryAutomatic(extra);
  if (config) {
    await tryAutomatic(neededHookPackages(config, registry));
    await tryAutomatic(neededComponentPackages(config, registry, cwd));
  }
  if (registry.plugins.some((p) => `@dj-sandbox/${p.id}` === DATA_ENGINE_PACKAGE))
    await tryAutomatic(engineFor ? (recipePackages(engineFor) ?? ALL_ENGINE_PACKAGES) : ALL_ENGINE_PACKAGES);
  await tryAutomatic(
    SERVICE_PACKAGES.filter((name) => {
      const ids = SERVICE_PACKAGE_REFS[name];
      return !ids?.every((id) => registry.services.has(id));
    }),
  );
  return { registry, errors, automatic, bases: bases.map((b) => fileURLToPath(b)), notFound };
}
