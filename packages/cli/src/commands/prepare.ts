import { dirname } from 'node:path';
import { loadConfig } from '@dj-sandbox/config';
import {
  ConfigProblems,
  checkConfig,
  type DjSandboxError,
  type PluginRegistry,
  type SandboxConfig,
} from '@dj-sandbox/core';
import { loadPlugins } from '../plugins/load-plugins.ts';
import { missingPackages, missingPackagesError } from '../plugins/missing-packages.ts';
import { globalOverrides } from './global-options.ts';

/** Options shared by the commands that read a sandbox config. */
export interface ConfigOptions {
  config?: string;
  workDir?: string;
  resume?: boolean;
  debug?: boolean;
  /** Trials at once in a recipe search (`hpo_config`). */
  parallel?: string;
}

/** A config with its plugins, checked and ready to run. */
export interface Prepared {
  config: SandboxConfig;
  registry: PluginRegistry;
  warnings: DjSandboxError[];
  automatic: string[];
}

/**
 * Loads the config, its plugins, and checks the config against them. Every problem is collected; any error
 * throws one {@link ConfigProblems} with all of them.
 */
export async function prepare(options: ConfigOptions, cwd: string): Promise<Prepared> {
  const overrides: Record<string, unknown> = globalOverrides(options as Record<string, unknown>);
  if (options.workDir !== undefined) overrides.work_dir = options.workDir;
  if (options.resume !== undefined) overrides.resume = options.resume;
  if (options.debug !== undefined) overrides.debug = options.debug;
  const loaded = await loadConfig({ ...(options.config ? { configFile: options.config } : {}), cwd, overrides });
  if (!loaded.config) throw new ConfigProblems(loaded.errors);
  const plugins = await loadPlugins(loaded.config, cwd);
  let check: ReturnType<typeof checkConfig> = { errors: [], warnings: [] };
  try {
    check = checkConfig(loaded.config, plugins.registry, cwd);
  } catch (error) {
    // a config that already failed its schema may not hold together for the later checks: report what was found
    if (loaded.errors.length === 0) throw error;
  }
  const errors = [...loaded.errors, ...plugins.errors, ...check.errors];
  // Every package the config needs and that is not installed, in one problem with one install command, so that a
  // partial install is found out in one pass rather than one run at a time.
  const missing = missingPackages(loaded.config, plugins.registry, cwd, plugins.bases);
  for (const { name, path } of plugins.notFound) {
    const entry = missing.find((m) => m.name === name);
    if (entry) entry.neededBy.push(path);
    else missing.push({ name, neededBy: [path] });
  }
  if (missing.length > 0) {
    const projectDir = loaded.config.configFile ? dirname(loaded.config.configFile) : cwd;
    errors.push(missingPackagesError(missing, projectDir));
  }
  if (errors.length > 0) throw new ConfigProblems(errors);
  return {
    config: loaded.config,
    registry: plugins.registry,
    warnings: [...loaded.warnings, ...check.warnings],
    automatic: plugins.automatic,
  };
}
