import { RegistryComponentFactory } from '../components/registry-component-factory.ts';
import { type ConfigTree, deepCopy, deepEqual, isMapping } from '../config/config-tree.ts';
import { iterPath } from '../config/iter-path.ts';
import { loadSideConfig } from '../config/side-config.ts';
import type { ContextInfos, JobInfos } from '../context/context-infos.ts';
import { isDjSandboxError } from '../errors/dj-sandbox-error.ts';
import { configError, jobError } from '../errors/errors.ts';
import type { HookContext } from '../hooks/hook-context.ts';
import type { JobConfig, JobGroup } from '../types/sandbox-config.ts';
import { applyConfigUpdate, type JobConfigs } from './config-update.ts';
import { recordJob } from './record-outputs.ts';
import type { RunServices } from './run-services.ts';

/**
 * Data-Juicer's default `export_path`, filled in when a recipe has none (docs/recipes.md#recipe-files-and-defaults).
 */
export const DJ_DEFAULT_EXPORT_PATH = './outputs/hello_world/hello_world.jsonl';

/**
 * A job's state that lives across iterations, like the reference's hook instance: its configs as edited by
 * `local` / `input` (edits persist), and any `local` overrides that `iter_updater` added for this iteration.
 */
export interface JobState {
  readonly job: JobConfig;
  configs: JobConfigs;
  updaterLocal: Record<string, unknown>;
}

/** Creates the state of a job from its config. */
export function createJobState(job: JobConfig): JobState {
  return {
    job,
    configs: { dj_configs: deepCopy(job.dj_configs), extra_configs: deepCopy(job.extra_configs) },
    updaterLocal: {},
  };
}

function specify(
  value: ConfigTree | string | null,
  path: string,
  cwd: string,
  strict: boolean,
): ConfigTree | string | null {
  if (typeof value !== 'string' || value === '') return value;
  try {
    return loadSideConfig(value, path, cwd);
  } catch (error) {
    if (strict) throw error;
    return value; // a placeholder such as '<auto_replaced_with_previous_output>' stays until input replaces it
  }
}

function resolveInput(ctx: ContextInfos, contextKey: string, path: string, services: RunServices): unknown {
  if (contextKey === '-1') {
    throw configError(
      'input-last-bare',
      'need to specify the job result keys precisely for inputs to find the target values. Only got [-1].',
      {
        path,
        expected: '-1.<output key>',
        received: contextKey,
      },
    );
  }
  const found = contextKey.startsWith('-1.') ? ctx.lookupLast(contextKey.slice(3)) : ctx.lookup(contextKey);
  if (contextKey.startsWith('-1.') && !found.found && !ctx.lastJob()) {
    throw configError('input-no-previous', 'cannot find the last non-empty job infos.', {
      path,
      received: contextKey,
      fix: 'A -1.<key> input needs an earlier job in this iteration; reference the job by <pipeline>.<meta_name>.<key> instead.',
    });
  }
  if (!found.found) {
    services.logger.warn(`input ${path}: ${contextKey} was not found (missing ${found.missing}); null is assigned.`, {
      path,
    });
    return null;
  }
  return found.value;
}

function rewriteExportPaths(
  configs: JobConfigs,
  iteration: number,
): { dj: ConfigTree | null; extra: ConfigTree | null } {
  let dj: ConfigTree | null = null;
  if (isMapping(configs.dj_configs)) {
    dj = deepCopy(configs.dj_configs);
    const exportPath = typeof dj.export_path === 'string' ? dj.export_path : DJ_DEFAULT_EXPORT_PATH;
    dj.export_path = iterPath(exportPath, iteration);
  }
  let extra: ConfigTree | null = null;
  if (isMapping(configs.extra_configs)) {
    extra = deepCopy(configs.extra_configs);
    const value = extra.export_path;
    if (typeof value === 'string') extra.export_path = iterPath(value, iteration);
    else if (Array.isArray(value))
      extra.export_path = value.map((p) => (typeof p === 'string' ? iterPath(p, iteration) : p));
  }
  return { dj, extra };
}

/** Options of one job run. */
export interface RunJobOptions {
  state: JobState;
  group: JobGroup;
  pipeline: string;
  ctx: ContextInfos;
  services: RunServices;
}

/**
 * Runs one job through the reference's hook lifecycle (docs/config.md#hook-lifecycle): tolerant parse, `local` then
 * `input`, strict re-parse when they changed anything, the `export_path` → `iter_<n>` rewrite (on a copy, so it
 * never accumulates), the hook body, and output recording.
 */
export async function runJob({ state, group, pipeline, ctx, services }: RunJobOptions): Promise<JobInfos> {
  const { job } = state;
  const iteration = ctx.iter;
  const owned = services.registry.hooks.get(job.hook);
  if (!owned)
    throw configError('hook-unknown', `undefined hook ${JSON.stringify(job.hook)}.`, {
      path: `${job.configPath}.hook`,
    });
  const blame = { hook: job.hook, job: job.meta_name, pipeline, plugin: owned.plugin };
  const logger = services.logger.child({ pipeline, job: job.meta_name, hook: job.hook, iteration });

  const configs = state.configs;
  configs.dj_configs = specify(configs.dj_configs, `${job.configPath}.dj_configs`, services.cwd, false);
  configs.extra_configs = specify(configs.extra_configs, `${job.configPath}.extra_configs`, services.cwd, false);
  const before = deepCopy(configs);

  const update = (key: string, value: unknown, path: string) => {
    try {
      applyConfigUpdate(configs, key, value, path);
    } catch (error) {
      // Setting a sub-key of a config that is still a path: say why the file did not load.
      const group = key.split('.')[0] as 'dj_configs' | 'extra_configs';
      if ((error as { code?: string }).code === 'update-unparsed' && typeof configs[group] === 'string') {
        specify(configs[group], `${job.configPath}.${group}`, services.cwd, true);
      }
      throw error;
    }
  };
  for (const [key, value] of Object.entries({ ...job.local, ...state.updaterLocal }))
    update(key, value, `${job.configPath}.local.${key}`);
  for (const [key, contextKey] of Object.entries(job.input)) {
    const path = `${job.configPath}.input.${key}`;
    update(key, resolveInput(ctx, contextKey, path, services), path);
  }
  if (!deepEqual(before, configs)) {
    logger.debug('Configs are updated according to input and local settings. Re-initializing them...');
    configs.dj_configs = specify(configs.dj_configs, `${job.configPath}.dj_configs`, services.cwd, true);
    configs.extra_configs = specify(configs.extra_configs, `${job.configPath}.extra_configs`, services.cwd, true);
  }

  const { dj, extra } = rewriteExportPaths(configs, iteration);
  const scope = { iteration, pipeline, job: job.meta_name };
  const componentEnv = {
    logger,
    tracker: services.tracker,
    progress: services.progress,
    signal: services.signal,
    workDir: services.workDir,
    scope: { ...scope, metaName: job.meta_name },
    resolve: services.container.resolve.bind(services.container),
    extensions: services.registry.extensions.bind(services.registry),
    ownedExtensions: services.registry.ownedExtensions.bind(services.registry),
  };
  const components = new RegistryComponentFactory(services.registry, componentEnv, {
    job: job.meta_name,
    pipeline,
    path: job.configPath,
  });
  const hookContext: HookContext = {
    hook: job.hook,
    plugin: owned.plugin,
    metaName: job.meta_name,
    pipeline,
    group,
    iteration,
    djConfigs: dj,
    rawDjConfigs: isMapping(configs.dj_configs) ? deepCopy(configs.dj_configs) : null,
    extraConfigs: extra,
    components,
    tracker: services.tracker,
    logger,
    progress: services.progress,
    signal: services.signal,
    workDir: services.workDir,
    track: (value, key, step) =>
      services.tracker.watch(value, key ?? job.meta_name ?? '', step === undefined ? scope : { ...scope, step }),
    resolve: componentEnv.resolve,
    extensions: componentEnv.extensions,
    ownedExtensions: componentEnv.ownedExtensions,
  };

  let result: unknown;
  try {
    result = await owned.value.run(hookContext);
  } catch (error) {
    if (isDjSandboxError(error) && (error.data.job !== undefined || error.category === 'config')) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw jobError('hook-failed', message, { ...blame, job: job.meta_name ?? undefined }, error);
  } finally {
    await components.disposeAll();
  }
  return recordJob(job.meta_name, job.output, result, blame);
}
