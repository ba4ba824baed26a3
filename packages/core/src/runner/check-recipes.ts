import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { isMapping } from '../config/config-tree.ts';
import { loadSideConfigSource } from '../config/side-config.ts';
import { isDjSandboxError } from '../errors/dj-sandbox-error.ts';
import { configError } from '../errors/errors.ts';
import { checkRecipe } from '../operators/check-recipe.ts';
import { operatorsPoint } from '../operators/operator.ts';
import { operatorCatalogPoint } from '../operators/operator-catalog.ts';
import type { PluginRegistry } from '../plugin/plugin-registry.ts';
import type { JobConfig, SandboxConfig } from '../types/sandbox-config.ts';
import type { ConfigCheck } from './check-config.ts';
import { pipelineJobs } from './check-config.ts';

function touchedByInput(job: JobConfig, key: string): boolean {
  return [...Object.keys(job.input), ...Object.keys(job.local)].some((k) => k === key || k.startsWith(`${key}.`));
}

/** Whether some job's configs mention `path`: an earlier job (k-sigma refinement, a data pool) may write it. */
function producedByAJob(config: SandboxConfig, path: string): boolean {
  const name = path.replace(/^\.\//, '');
  return config.pipelines.some((p) =>
    pipelineJobs(p).some(({ job }) => JSON.stringify([job.extra_configs, job.local]).includes(name)),
  );
}

/**
 * Checks every job's Data-Juicer recipe (`dj_configs`, inline or a file) with {@link checkRecipe} against the loaded
 * operators, with `file:line` of the recipe file. A recipe file that does not exist and that no job writes is an
 * error here rather than at run time. Problems are added to `check`.
 */
export function checkJobRecipes(
  config: SandboxConfig,
  registry: PluginRegistry,
  cwd: string,
  check: ConfigCheck,
): void {
  const operators = registry.extensions(operatorsPoint);
  const catalog = registry.extensions(operatorCatalogPoint);
  if (operators.length === 0 && catalog.length === 0) return; // no data engine loaded: nothing to check against
  for (const pipeline of config.pipelines) {
    for (const { job } of pipelineJobs(pipeline)) {
      if (touchedByInput(job, 'dj_configs')) continue;
      const configPath = `${job.configPath}.dj_configs`;
      const location = job.keyLocations?.dj_configs ?? job.location;
      if (isMapping(job.dj_configs)) {
        const found = checkRecipe(job.dj_configs, {
          operators,
          catalog,
          configPath,
          ...(location ? { locate: () => location } : {}),
        });
        check.errors.push(...found.errors);
        check.warnings.push(...found.warnings);
        continue;
      }
      if (typeof job.dj_configs !== 'string') continue;
      const absolute = isAbsolute(job.dj_configs) ? job.dj_configs : resolve(cwd, job.dj_configs);
      if (!existsSync(absolute)) {
        if (producedByAJob(config, job.dj_configs)) continue;
        check.errors.push(
          configError('recipe-file-missing', `the recipe file ${job.dj_configs} does not exist.`, {
            path: configPath,
            ...(location ? { location } : {}),
            expected: 'an existing Data-Juicer recipe (relative paths are resolved against the working directory)',
            received: job.dj_configs,
            fix: `Check the path (cwd: ${cwd}), or let an earlier job write it.`,
          }),
        );
        continue;
      }
      try {
        const source = loadSideConfigSource(job.dj_configs, configPath, cwd);
        const found = checkRecipe(source.tree, { operators, catalog, locate: source.locate });
        check.errors.push(...found.errors);
        check.warnings.push(...found.warnings);
      } catch (error) {
        if (isDjSandboxError(error)) check.errors.push(error);
        else throw error;
      }
    }
  }
}
