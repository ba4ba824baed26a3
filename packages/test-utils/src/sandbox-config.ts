import { GLOBAL_DEFAULTS, type JobConfig, type JobGroup, type SandboxConfig } from '@dj-sandbox/core';

/** A job entry with the reference's defaults, for tests that build a {@link SandboxConfig} without YAML. */
export function job(group: JobGroup, index: number, fields: Partial<JobConfig> & { hook: string }): JobConfig {
  return {
    meta_name: 'anonymous_meta_name',
    input: {},
    output: null,
    local: {},
    dj_configs: null,
    extra_configs: null,
    configPath: `pipelines[0].${group}[${index}]`,
    ...fields,
  };
}

/** A single-pipeline sandbox config with every field filled, for tests. */
export function sandboxConfig(jobs: Partial<Record<JobGroup, JobConfig[]>>, workDir = './work'): SandboxConfig {
  return {
    ...GLOBAL_DEFAULTS,
    work_dir: workDir,
    pipelines: [
      {
        name: 'anonymous',
        configPath: 'pipelines[0]',
        jobs: {
          probe_job_configs: jobs.probe_job_configs ?? [],
          refine_recipe_job_configs: jobs.refine_recipe_job_configs ?? [],
          execution_job_configs: jobs.execution_job_configs ?? [],
          evaluation_job_configs: jobs.evaluation_job_configs ?? [],
        },
      },
    ],
    raw: {},
  };
}
