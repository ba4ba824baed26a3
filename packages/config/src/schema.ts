import { z } from 'zod';

const stringMap = z.record(z.string(), z.unknown());

/** A name that becomes part of a file name inside work_dir: no folder separators, no `..` to climb out of it. */
const fileNamePart = z.string().refine((v) => !/[\\/]/.test(v) && !v.includes('..'), {
  message: 'expected a name without "/" or ".." (it becomes part of a log file name inside work_dir)',
});

/** A job entry: an inline mapping or a path to a .yaml/.yml/.json file holding one (docs/config.md#job-entries). */
export const jobEntrySchema = z.union([
  z.string().describe('Path to a job config file (.yaml, .yml or .json), relative to the working directory.'),
  z
    .looseObject({
      hook: z.string().describe('The hook that runs this job, e.g. ProcessDataHook.'),
      meta_name: z.string().nullable().optional().describe('Names the job in context infos and the tracker.'),
      input: z
        .record(z.string(), z.unknown())
        .nullable()
        .optional()
        .describe('"<cfg key>": "<context key>" taken from earlier jobs.'),
      output: z
        .union([z.string(), z.array(z.string())])
        .nullable()
        .optional()
        .describe('Names of the hook outputs.'),
      local: stringMap.nullable().optional().describe('"<cfg key>": literal value set before the job runs.'),
      dj_configs: z
        .union([z.string(), stringMap])
        .nullable()
        .optional()
        .describe('A Data-Juicer recipe, inline or as a path.'),
      extra_configs: z
        .union([z.string(), stringMap])
        .nullable()
        .optional()
        .describe('A component config with a type key, inline or as a path.'),
    })
    .describe('An inline job.'),
]);

const jobList = z.array(jobEntrySchema).nullable().optional();

/** The four job groups of a pipeline. */
export const pipelineBodySchema = z.looseObject({
  probe_job_configs: jobList.describe('Group 1: probe the data or the model.'),
  refine_recipe_job_configs: jobList.describe('Group 2: refine the data recipe.'),
  execution_job_configs: jobList.describe('Group 3: process data, train models.'),
  evaluation_job_configs: jobList.describe('Group 4: evaluate data and models.'),
});

const pluginEntry = z.union([
  z.string().describe('A plugin package name, e.g. @dj-sandbox/hooks-data.'),
  z.tuple([z.string(), z.unknown()]).describe('[package name, options].'),
]);

/** The sandbox config as written (docs/config.md#global-keys), plus dj-sandbox's additions. */
export const sandboxConfigSchema = z.strictObject({
  $schema: z.string().optional().describe('Editor hint; ignored.'),
  project_name: fileNamePart.optional().describe('Project name; part of log file names. Default: hello_world.'),
  experiment_name: fileNamePart.optional().describe('Experiment name; part of log file names. Default: experiment1.'),
  work_dir: z
    .string()
    .optional()
    .describe('Holds logs, context_infos.json and tracker files. Default: ./outputs/hello_world.'),
  resume: z.boolean().optional().describe('Continue from work_dir/context_infos.json. Default: false.'),
  debug: z.boolean().optional().describe('Debug log level. Default: false.'),
  hpo_config: z.union([z.string(), stringMap]).nullable().optional().describe('Path to a W&B sweep config (HPO mode).'),
  pipelines: z
    .union([
      z.array(z.record(z.string(), pipelineBodySchema.nullable())),
      z.record(z.string(), pipelineBodySchema.nullable()),
    ])
    .nullable()
    .optional()
    .describe('Multi-pipeline format: a list of {name: {job groups}} (or a mapping name → job groups).'),
  probe_job_configs: jobList,
  refine_recipe_job_configs: jobList,
  execution_job_configs: jobList,
  evaluation_job_configs: jobList,
  max_iter_num: z
    .number()
    .int()
    .optional()
    .describe('Maximum iterations; 0 means until iter_targets are met. Default: 1.'),
  iter_targets: z
    .union([z.string(), z.array(z.string())])
    .nullable()
    .optional()
    .describe('"<pipeline>.<meta_name>.<output> <op> <number>" stop conditions.'),
  iter_targets_mode: z.string().optional().describe('"all" (default) or "any".'),
  iter_updater: z
    .record(z.string(), z.string())
    .nullable()
    .optional()
    .describe('Carries an output of iteration i into a job config of iteration i+1.'),
  plugins: z.array(pluginEntry).optional().describe('Plugins to load (dj-sandbox addition).'),
  max_iter_cap: z
    .number()
    .int()
    .positive()
    .optional()
    .describe('Safety cap on iterations when max_iter_num is 0 (dj-sandbox addition). Default: 1000.'),
});

/** The global keys a config may set, for "did you mean" suggestions. */
export const GLOBAL_KEYS: readonly string[] = Object.keys(sandboxConfigSchema.shape);
