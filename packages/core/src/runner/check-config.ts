import { KNOWN_HOOK_PROVIDERS } from '../components/known-providers.ts';
import { unknownTypeFix } from '../components/registry-component-factory.ts';
import { type ConfigTree, isMapping } from '../config/config-tree.ts';
import { loadSideConfig } from '../config/side-config.ts';
import { didYouMean } from '../errors/did-you-mean.ts';
import type { DjSandboxError } from '../errors/dj-sandbox-error.ts';
import { configError } from '../errors/errors.ts';
import type { PluginRegistry } from '../plugin/plugin-registry.ts';
import { issuePath } from '../plugin/standard-schema.ts';
import { JOB_GROUPS, type JobConfig, type PipelineConfig, type SandboxConfig } from '../types/sandbox-config.ts';
import { checkJobRecipes } from './check-recipes.ts';
import { configChecksPoint } from './config-checks.ts';
import { parseIterUpdate } from './iter-updater.ts';
import { parseTarget } from './targets.ts';

/** Problems found before a run: errors stop it, warnings are shown. */
export interface ConfigCheck {
  errors: DjSandboxError[];
  warnings: DjSandboxError[];
}

/** Every job of a pipeline in run order, with its group. */
export function pipelineJobs(pipeline: PipelineConfig): Array<{ group: (typeof JOB_GROUPS)[number]; job: JobConfig }> {
  return JOB_GROUPS.flatMap((group) => pipeline.jobs[group].map((job) => ({ group, job })));
}

/**
 * A job's `extra_configs` as far as it is known before the run: inline, or read from its file; `undefined` when
 * `input` / `local` replace it or its type, or when the file does not exist yet (an earlier job may write it).
 */
export function staticExtraConfigs(job: JobConfig, cwd: string): ConfigTree | undefined {
  const touched = [...Object.keys(job.input), ...Object.keys(job.local)].some(
    (k) => k === 'extra_configs' || k === 'extra_configs.type',
  );
  if (touched) return undefined;
  if (isMapping(job.extra_configs)) return job.extra_configs;
  if (typeof job.extra_configs === 'string') {
    try {
      return loadSideConfig(job.extra_configs, `${job.configPath}.extra_configs`, cwd);
    } catch {
      return undefined; // a placeholder or a file made by an earlier job: checked when the job runs
    }
  }
  return undefined;
}

/** The `extra_configs` keys whose values come at run time: set by the job's `input`, or still a `<placeholder>`. */
function keysFilledLater(job: JobConfig, extra: Record<string, unknown>): Set<string> {
  const keys = new Set<string>();
  for (const target of Object.keys(job.input ?? {})) {
    if (target === 'extra_configs') return new Set(Object.keys(extra));
    if (target.startsWith('extra_configs.')) keys.add(target.slice('extra_configs.'.length).split('.')[0] ?? '');
  }
  for (const [key, value] of Object.entries(extra))
    if (typeof value === 'string' && /^<[^<>]+>$/.test(value.trim())) keys.add(key);
  return keys;
}

function checkHook(job: JobConfig, registry: PluginRegistry, cwd: string, errors: DjSandboxError[]): void {
  const owned = registry.hooks.get(job.hook);
  if (!owned) {
    const provider = KNOWN_HOOK_PROVIDERS[job.hook];
    errors.push(
      configError('hook-unknown', `undefined hook ${JSON.stringify(job.hook)}.`, {
        path: `${job.configPath}.hook`,
        ...(job.location ? { location: job.keyLocations?.hook ?? job.location } : {}),
        expected: 'a hook provided by a loaded plugin',
        received: job.hook,
        fix: provider
          ? `hook ${job.hook} is provided by ${provider}: install it.`
          : `Loaded plugins provide: ${[...registry.hooks.keys()].join(', ') || 'no hooks'}.${didYouMean(job.hook, [...registry.hooks.keys(), ...Object.keys(KNOWN_HOOK_PROVIDERS)])}`,
      }),
    );
    return;
  }
  const kind = owned.value.componentKind;
  if (!kind) return;
  const extra = staticExtraConfigs(job, cwd);
  if (!extra) return;
  const type = extra.type;
  const component = typeof type === 'string' ? registry.component(kind, type) : undefined;
  if (component?.value.config) {
    const result = component.value.config['~standard'].validate(extra);
    // an async schema is checked when the job runs
    if (!(result instanceof Promise) && result.issues) {
      const late = keysFilledLater(job, extra);
      for (const issue of result.issues) {
        const at = issuePath(issue);
        // A key that `input` fills in, or a reference placeholder (`<updated_by_the_input_mapping>`), is checked when
        // the job runs, with its real value.
        if (late.has(String(at).split(/[.[]/)[0] ?? '')) continue;
        errors.push(
          configError(
            'component-config',
            `invalid ${kind} config for type ${JSON.stringify(type)}: ${at ? `${at}: ` : ''}${issue.message}.`,
            {
              path: `${job.configPath}.extra_configs${at ? `.${at}` : ''}`,
              ...(job.location ? { location: job.keyLocations?.extra_configs ?? job.location } : {}),
              plugin: component.plugin,
            },
          ),
        );
      }
    }
  }
  if (typeof type === 'string' && !component) {
    errors.push(
      configError('component-type-unknown', `no loaded plugin provides ${kind} type ${JSON.stringify(type)}.`, {
        path: `${job.configPath}.extra_configs.type`,
        ...(job.location ? { location: job.keyLocations?.['extra_configs.type'] ?? job.location } : {}),
        fix: unknownTypeFix(registry, kind, type),
      }),
    );
  }
}

function jobExists(config: SandboxConfig, pipelineName: string, metaName: string): boolean {
  const pipeline = config.pipelines.find((p) => p.name === pipelineName);
  return !!pipeline && pipelineJobs(pipeline).some((j) => j.job.meta_name === metaName);
}

function hasOutput(config: SandboxConfig, key: string): boolean {
  const [pipelineName, metaName, output] = key.split('.');
  const pipeline = config.pipelines.find((p) => p.name === pipelineName);
  const job = pipeline && pipelineJobs(pipeline).find((j) => j.job.meta_name === metaName)?.job;
  return !!job && (job.output === null || job.output.includes(output!));
}

/**
 * Checks a normalised config against the loaded plugins before anything runs: hooks, component types, iteration
 * settings, targets and updaters, then the checks plugins contribute to {@link configChecksPoint}. Every problem is
 * reported at once.
 */
export function checkConfig(config: SandboxConfig, registry: PluginRegistry, cwd: string = process.cwd()): ConfigCheck {
  const errors: DjSandboxError[] = [];
  const warnings: DjSandboxError[] = [];
  if (config.max_iter_num < 0) {
    errors.push(
      configError('max-iter-negative', "argument 'max_iter_num' must be 0 or a positive number.", {
        path: 'max_iter_num',
        expected: 'an integer >= 0',
        received: config.max_iter_num,
      }),
    );
  }
  if (config.max_iter_num === 0 && config.iter_targets.length === 0) {
    errors.push(
      configError('max-iter-unbounded', "either 'max_iter_num' must be > 0 or 'iter_targets' must be set.", {
        path: 'max_iter_num',
        expected: 'max_iter_num > 0, or iter_targets to stop on',
        received: 0,
      }),
    );
  }
  if (config.iter_targets_mode !== 'all' && config.iter_targets_mode !== 'any') {
    errors.push(
      configError('targets-mode', 'unknown iter_targets_mode.', {
        path: 'iter_targets_mode',
        expected: '"all" or "any"',
        received: config.iter_targets_mode,
        fix: `The reference accepted any value and then never stopped on targets.${didYouMean(config.iter_targets_mode, ['all', 'any'])}`,
      }),
    );
  }
  const names = new Set<string>();
  for (const pipeline of config.pipelines) {
    if (names.has(pipeline.name)) {
      errors.push(
        configError(
          'pipeline-duplicate',
          `there are different pipelines with the same name ${JSON.stringify(pipeline.name)}.`,
          { path: pipeline.configPath, fix: 'Give every pipeline a unique name.' },
        ),
      );
    }
    names.add(pipeline.name);
    for (const { job } of pipelineJobs(pipeline)) {
      checkHook(job, registry, cwd, errors);
      for (const [key, contextKey] of Object.entries(job.input)) {
        const [pipelineName, metaName] = String(contextKey).split('.');
        if (pipelineName !== '-1' && metaName !== undefined && !jobExists(config, pipelineName!, metaName)) {
          errors.push(
            configError('input-unknown-job', `input ${key} names no job: ${JSON.stringify(contextKey)}.`, {
              path: `${job.configPath}.input.${key}`,
              ...(job.location ? { location: job.keyLocations?.input ?? job.location } : {}),
              expected: '<pipeline>.<meta_name>.<output key> of a job in this config, or -1.<output key>',
              received: contextKey,
              fix: `Jobs: ${config.pipelines.flatMap((p) => pipelineJobs(p).map((j) => `${p.name}.${j.job.meta_name}`)).join(', ')}.${didYouMean(
                `${pipelineName}.${metaName}`,
                config.pipelines.flatMap((p) => pipelineJobs(p).map((j) => `${p.name}.${j.job.meta_name}`)),
              )}`,
            }),
          );
        }
        if (contextKey === '-1') {
          errors.push(
            configError(
              'input-last-bare',
              'need to specify the job result keys precisely for inputs to find the target values. Only got [-1].',
              { path: `${job.configPath}.input.${key}`, expected: '-1.<output key>', received: contextKey },
            ),
          );
        }
      }
    }
  }
  config.iter_targets.forEach((raw, i) => {
    const parsed = parseTarget(raw, `iter_targets[${i}]`);
    if ('code' in parsed) errors.push(parsed);
    else if (!hasOutput(config, parsed.key)) {
      errors.push(
        configError('target-unknown-key', `the target metric key [${parsed.key}] can not be found in the pipelines.`, {
          path: `iter_targets[${i}]`,
          expected: 'an output declared by a job: <pipeline>.<meta_name>.<output key>',
          received: parsed.key,
        }),
      );
    }
  });
  for (const [from, to] of Object.entries(config.iter_updater)) {
    const parsed = parseIterUpdate(from, to, `iter_updater.${from}`);
    if ('code' in parsed) errors.push(parsed);
    else if (
      !config.pipelines.some(
        (p) => p.name === parsed.pipeline && pipelineJobs(p).some((j) => j.job.meta_name === parsed.metaName),
      )
    ) {
      warnings.push(
        configError('iter-updater-unmatched', `iter_updater target ${to} matches no job; it will do nothing.`, {
          path: `iter_updater.${from}`,
        }),
      );
    }
  }
  for (const check of registry.extensions(configChecksPoint)) {
    const found = check({ config, cwd });
    errors.push(...(found.errors ?? []));
    warnings.push(...(found.warnings ?? []));
  }
  checkJobRecipes(config, registry, cwd, { errors, warnings });
  return { errors, warnings };
}
