import {
  type ConfigTree,
  configError,
  type DjSandboxError,
  expandDottedKeys,
  flattenLeaves,
  GLOBAL_DEFAULTS,
  isMapping,
  JOB_GROUPS,
  type JobConfig,
  type JobGroup,
  loadSideConfig,
  type PipelineConfig,
  type SandboxConfig,
  type SourceLocation,
} from '@dj-sandbox/core';
import { renderPath } from './yaml-source.ts';

type Path = Array<string | number>;

/** Collects problems while normalising, with a way to locate a path in the source file. */
export interface NormalizeContext {
  cwd: string;
  file?: string;
  locate(path: Path): SourceLocation;
  /** The scalar at `path` as written, when the config came from YAML/JSON text. */
  scalarText?(path: Path): string | undefined;
  errors: DjSandboxError[];
  warnings: DjSandboxError[];
}

function problem(
  ctx: NormalizeContext,
  code: string,
  summary: string,
  path: Path,
  data: Record<string, unknown> = {},
): DjSandboxError {
  return configError(code, summary, { path: renderPath(path), location: ctx.locate(path), ...data });
}

function leaves(value: unknown): Record<string, unknown> {
  if (!isMapping(value)) return {};
  return Object.fromEntries(flattenLeaves(value));
}

function normalizeJob(entry: unknown, path: Path, ctx: NormalizeContext): JobConfig | undefined {
  let raw: unknown = entry;
  let location = ctx.locate(path);
  if (typeof entry === 'string') {
    try {
      raw = loadSideConfig(entry, renderPath(path), ctx.cwd);
      location = { file: entry };
    } catch (error) {
      ctx.errors.push(error as DjSandboxError);
      return undefined;
    }
  }
  if (!isMapping(raw)) {
    ctx.errors.push(
      problem(ctx, 'job-shape', 'a job must be a mapping or a path to a job file.', path, {
        expected: 'a mapping with a hook key, or a .yaml/.yml/.json path',
        received: raw,
      }),
    );
    return undefined;
  }
  const job = expandDottedKeysShallow(raw);
  if (typeof job.hook !== 'string' || job.hook === '') {
    ctx.errors.push(
      problem(ctx, 'job-hook-missing', 'the job has no hook.', [...path, 'hook'], {
        expected: 'hook: <HookName>, e.g. ProcessDataHook',
        received: job.hook,
      }),
    );
    return undefined;
  }
  const output = job.output;
  const input = leaves(job.input);
  for (const [key, value] of Object.entries(input)) {
    // YAML reads `-1.0` as the number -1; the key the user wrote is the text `-1.0`.
    const written =
      typeof value === 'number' && typeof entry !== 'string' ? ctx.scalarText?.([...path, 'input', key]) : undefined;
    if (written !== undefined) input[key] = written;
    else if (typeof value !== 'string') {
      ctx.errors.push(
        problem(ctx, 'input-value', 'an input value must be a context key string.', [...path, 'input', key], {
          expected: '"-1.<output>" or "<pipeline>.<meta_name>.<output>"',
          received: value,
          fix: "Quote it (YAML reads -1.0 as a number: write '-1.0'), or use local for literal values.",
        }),
      );
    }
  }
  return {
    hook: job.hook,
    meta_name: Object.hasOwn(job, 'meta_name')
      ? ((job.meta_name as string | null | undefined) ?? null)
      : 'anonymous_meta_name',
    input: input as Record<string, string>,
    output:
      output === null || output === undefined
        ? null
        : typeof output === 'string'
          ? [output]
          : (output as string[]).map(String),
    local: leaves(job.local),
    dj_configs: sideValue(job.dj_configs),
    extra_configs: sideValue(job.extra_configs),
    configPath: renderPath(path),
    location,
    ...(typeof entry === 'string'
      ? {}
      : {
          keyLocations: {
            hook: ctx.locate([...path, 'hook']),
            'extra_configs.type': ctx.locate([...path, 'extra_configs', 'type']),
          },
        }),
  };
}

/** Expands dotted keys of a job mapping except inside input/local, whose keys are dotted config paths. */
function expandDottedKeysShallow(job: ConfigTree): ConfigTree {
  const { input, local, ...rest } = job;
  const expanded = expandDottedKeys(rest) as ConfigTree;
  if (input !== undefined) expanded.input = input;
  if (local !== undefined) expanded.local = local;
  return expanded;
}

function sideValue(value: unknown): ConfigTree | string | null {
  if (typeof value === 'string') return value;
  if (isMapping(value)) return Object.keys(value).length === 0 ? null : (expandDottedKeys(value) as ConfigTree);
  return null;
}

function normalizeGroups(body: unknown, path: Path, ctx: NormalizeContext): Record<JobGroup, JobConfig[]> {
  const groups = {} as Record<JobGroup, JobConfig[]>;
  for (const group of JOB_GROUPS) {
    const list = isMapping(body) ? body[group] : undefined;
    groups[group] = [];
    if (list === null || list === undefined) continue;
    (list as unknown[]).forEach((entry, i) => {
      const job = normalizeJob(entry, [...path, group, i], ctx);
      if (job) groups[group].push(job);
    });
  }
  return groups;
}

function hasTopLevelJobs(raw: ConfigTree): boolean {
  return JOB_GROUPS.some((g) => Array.isArray(raw[g]) && (raw[g] as unknown[]).length > 0);
}

function normalizePipelines(raw: ConfigTree, ctx: NormalizeContext): PipelineConfig[] {
  const pipelines = raw.pipelines;
  const hasPipelines = Array.isArray(pipelines)
    ? pipelines.length > 0
    : isMapping(pipelines) && Object.keys(pipelines).length > 0;
  if (hasPipelines && hasTopLevelJobs(raw)) {
    ctx.errors.push(
      problem(ctx, 'pipelines-and-jobs', 'cannot specify both pipelines and top-level job configs.', ['pipelines'], {
        fix: 'Move the top-level job lists into a pipeline, or remove pipelines.',
      }),
    );
    return [];
  }
  if (!hasPipelines) return [{ name: 'anonymous', jobs: normalizeGroups(raw, [], ctx), configPath: '(top level)' }];
  if (Array.isArray(pipelines)) {
    return pipelines.flatMap((element, i) => {
      if (!isMapping(element) || Object.keys(element).length === 0) {
        ctx.errors.push(
          problem(ctx, 'pipeline-shape', 'a pipeline must be a mapping {<name>: {job groups}}.', ['pipelines', i], {
            received: element,
          }),
        );
        return [];
      }
      // Only the first key names the pipeline; the reference ignores any other keys of the element.
      const [name, ...ignored] = Object.keys(element);
      if (ignored.length > 0) {
        ctx.warnings.push(
          problem(
            ctx,
            'pipeline-extra-keys',
            `keys ${ignored.join(', ')} next to pipeline ${name} are ignored.`,
            ['pipelines', i, ignored[0]!],
            { fix: 'Indent them under the pipeline name, or remove them.' },
          ),
        );
      }
      return [
        {
          name: name!,
          jobs: normalizeGroups(element[name!], ['pipelines', i, name!], ctx),
          configPath: `pipelines[${i}]`,
        },
      ];
    });
  }
  return Object.entries(pipelines as ConfigTree).map(([name, body]) => ({
    name,
    jobs: normalizeGroups(body, ['pipelines', name], ctx),
    configPath: `pipelines.${name}`,
  }));
}

/**
 * Turns a validated written config into the runner's {@link SandboxConfig}: defaults applied, job files read,
 * single- and multi-pipeline formats unified, null lists treated as empty (docs/config.md#pipeline-formats).
 */
export function normalizeConfig(raw: ConfigTree, ctx: NormalizeContext): SandboxConfig {
  const targets = raw.iter_targets;
  const pick = <K extends keyof typeof GLOBAL_DEFAULTS>(key: K): (typeof GLOBAL_DEFAULTS)[K] =>
    (raw[key] ?? GLOBAL_DEFAULTS[key]) as (typeof GLOBAL_DEFAULTS)[K];
  return {
    project_name: pick('project_name'),
    experiment_name: pick('experiment_name'),
    work_dir: pick('work_dir'),
    resume: pick('resume'),
    debug: pick('debug'),
    hpo_config: (raw.hpo_config ?? null) as SandboxConfig['hpo_config'],
    max_iter_num: pick('max_iter_num'),
    iter_targets:
      targets === null || targets === undefined ? [] : typeof targets === 'string' ? [targets] : (targets as string[]),
    iter_targets_mode: pick('iter_targets_mode'),
    iter_updater: (raw.iter_updater ?? {}) as Record<string, string>,
    plugins: pick('plugins'),
    max_iter_cap: pick('max_iter_cap'),
    pipelines: normalizePipelines(raw, ctx),
    raw,
    ...(ctx.file ? { configFile: ctx.file } : {}),
  };
}
