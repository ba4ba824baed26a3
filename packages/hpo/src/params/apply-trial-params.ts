import {
  type ConfigTree,
  configError,
  deepCopy,
  didYouMean,
  isMapping,
  type JobConfig,
  loadSideConfig,
  pipelineJobs,
  type SandboxConfig,
} from '@dj-sandbox/core';
import { renderPath } from '../sweep/zod-problems.ts';
import { setAtPath } from './set-at-path.ts';

type Group = 'dj_configs' | 'extra_configs';
const GROUPS: readonly Group[] = ['dj_configs', 'extra_configs'];

/** The configs of one job, loaded once per trial (file recipes are read and inlined only when a key edits them). */
class JobTrees {
  private readonly loaded = new Map<JobConfig, Partial<Record<Group, ConfigTree | null>>>();
  constructor(private readonly cwd: string) {}

  /** The job's config as a mapping, or null when it is unset or a path that does not load (a placeholder). */
  tree(job: JobConfig, group: Group, strict: boolean): ConfigTree | null {
    const cache = this.loaded.get(job) ?? {};
    this.loaded.set(job, cache);
    if (cache[group] !== undefined && cache[group] !== null) return cache[group]!;
    const value = job[group];
    let tree: ConfigTree | null = null;
    if (isMapping(value)) tree = value;
    else if (typeof value === 'string' && value !== '') {
      try {
        tree = deepCopy(loadSideConfig(value, `${job.configPath}.${group}`, this.cwd));
      } catch (error) {
        if (strict) throw error;
      }
    }
    cache[group] = tree;
    return tree;
  }

  /** Marks the job's config edited: it is written back (inlined) into the trial config. */
  commit(job: JobConfig, group: Group): void {
    const tree = this.loaded.get(job)?.[group];
    if (tree) job[group] = tree;
  }
}

interface ExplicitTarget {
  jobs: JobConfig[];
  group: Group;
  path: string[];
}

/** Resolves `<pipeline>.<meta_name>.(dj_configs|extra_configs).<path>`; undefined when the key has no such form. */
function explicitTarget(config: SandboxConfig, key: string): ExplicitTarget | undefined {
  const parts = key.split('.');
  for (let i = 2; i < parts.length - 1; i++) {
    const group = parts[i] as Group;
    if (!GROUPS.includes(group)) continue;
    const prefix = parts.slice(0, i).join('.');
    for (const pipeline of config.pipelines) {
      if (!prefix.startsWith(`${pipeline.name}.`)) continue;
      const meta = prefix.slice(pipeline.name.length + 1);
      const jobs = pipelineJobs(pipeline)
        .map((j) => j.job)
        .filter((j) => j.meta_name === meta);
      if (jobs.length > 0) return { jobs, group, path: parts.slice(i + 1) };
    }
  }
  return undefined;
}

function jobAddresses(config: SandboxConfig): string[] {
  return config.pipelines.flatMap((p) => pipelineJobs(p).map(({ job }) => `${p.name}.${job.meta_name}`));
}

function unaddressed(key: string, detail: string, fix: string) {
  return configError(
    'param-unaddressed',
    `sweep parameter ${JSON.stringify(key)} addresses nothing in the sandbox config: ${detail}.`,
    {
      path: renderPath(['parameters', key]),
      expected:
        '<pipeline>.<meta_name>.dj_configs.<path> or .extra_configs.<path>, <op>.<param> of an op in a recipe, or a global key of a recipe',
      received: key,
      fix,
    },
  );
}

/**
 * Applies one trial's parameter values to a copy of the sandbox config (the input is never mutated). Keys are:
 * - `<pipeline>.<meta_name>.dj_configs.<path>` or `....extra_configs.<path>` (`anonymous` is the single-pipeline
 *   name; numeric segments index lists, e.g. `process.0.text_length_filter.min_len`): every job with that
 *   meta_name in that pipeline;
 * - `<op>.<param>`, as Data-Juicer's `merge_config` reads them: the LAST occurrence of `<op>` in the `process`
 *   list of EVERY recipe (`dj_configs`) of the config that has the op;
 * - a plain key: a global key of every recipe that already has it (Data-Juicer's rule), never `process`.
 * A `dj_configs`/`extra_configs` given as a file path is loaded with core's `loadSideConfig` and inlined into the
 * trial config when a key edits it. A key that edits nothing is a config error saying what it looked for.
 */
export function applyTrialParams(config: SandboxConfig, params: Record<string, unknown>, cwd: string): SandboxConfig {
  const out = deepCopy(config);
  const trees = new JobTrees(cwd);
  const allJobs = out.pipelines.flatMap((p) => pipelineJobs(p).map((j) => j.job));
  for (const [key, value] of Object.entries(params)) {
    const explicit = explicitTarget(out, key);
    if (explicit) {
      for (const job of explicit.jobs) {
        const tree = trees.tree(job, explicit.group, true);
        if (!tree) {
          throw unaddressed(
            key,
            `${job.configPath}.${explicit.group} is not set`,
            `Give the job ${explicit.group}, or fix the key.`,
          );
        }
        const miss = setAtPath(tree, explicit.path, deepCopy(value));
        if (miss)
          throw unaddressed(
            key,
            `in ${job.configPath}.${explicit.group}, ${miss.reason}`,
            'Fix the path after the group name.',
          );
        trees.commit(job, explicit.group);
      }
      continue;
    }
    const parts = key.split('.');
    if (parts.length >= 3 && parts.some((p) => GROUPS.includes(p as Group))) {
      const prefix = parts
        .slice(
          0,
          parts.findIndex((p) => GROUPS.includes(p as Group)),
        )
        .join('.');
      throw unaddressed(
        key,
        `no job is named ${JSON.stringify(prefix)}`,
        `Jobs are addressed as <pipeline>.<meta_name>: ${jobAddresses(out).join(', ')}.${didYouMean(prefix, jobAddresses(out))}`,
      );
    }
    let hits = 0;
    const ops = new Set<string>();
    for (const job of allJobs) {
      const tree = trees.tree(job, 'dj_configs', false);
      if (!tree) continue;
      if (parts.length === 1) {
        if (key === 'process' || !Object.hasOwn(tree, key)) continue;
        tree[key] = deepCopy(value);
      } else {
        const process = Array.isArray(tree.process) ? tree.process : [];
        let at = -1;
        process.forEach((entry, i) => {
          if (!isMapping(entry)) return;
          for (const op of Object.keys(entry)) ops.add(op);
          if (Object.hasOwn(entry, parts[0]!)) at = i;
        });
        if (at < 0) continue;
        const miss = setAtPath(tree, ['process', String(at), ...parts], deepCopy(value));
        if (miss) throw unaddressed(key, `in ${job.configPath}.dj_configs, ${miss.reason}`, 'Fix the parameter path.');
      }
      trees.commit(job, 'dj_configs');
      hits++;
    }
    if (hits === 0) {
      throw unaddressed(
        key,
        parts.length === 1
          ? 'no recipe has this global key'
          : `no recipe of the config has op ${JSON.stringify(parts[0])}`,
        parts.length === 1
          ? 'Plain keys only change recipe keys that are already set; use <pipeline>.<meta_name>.dj_configs.<key> to add one.'
          : `Ops in the recipes: ${[...ops].join(', ') || 'none'}.${didYouMean(parts[0]!, ops)}`,
      );
    }
  }
  return out;
}
