import { z } from 'zod';

/** MLflow's default tracking server address (`mlflow server` with no `--port`). */
export const DEFAULT_TRACKING_URI = 'http://127.0.0.1:5000';

/** The plugin's options, as written in the config's `plugins: [['@dj-sandbox/tracker-mlflow', {...}]]`. */
export const mlflowOptionsSchema = z.object({
  trackingUri: z
    .string()
    .url()
    .optional()
    .describe('The MLflow server, e.g. http://127.0.0.1:5000; MLFLOW_TRACKING_URI, then the default, when unset.'),
  experimentName: z.string().min(1).optional().describe("The MLflow experiment; the config's project_name when unset."),
  runName: z.string().min(1).optional().describe("The MLflow run's name; the config's experiment_name when unset."),
  artifactLocation: z
    .string()
    .optional()
    .describe('Where a newly created experiment keeps artifacts, e.g. mlflow-artifacts:/dj (proxied upload).'),
  tags: z.record(z.string(), z.string()).default({}).describe('Tags set on the run.'),
  artifacts: z
    .array(z.string())
    .default(['context_infos.json', 'tracker/watched.jsonl', 'tracker/metrics.jsonl'])
    .describe('Files of the work dir uploaded as artifacts when the run ends; missing ones are skipped.'),
  flushEvery: z.number().int().positive().default(200).describe('Buffered metrics that trigger a log-batch request.'),
  requestTimeoutMs: z.number().int().positive().default(30_000),
});

/** The options as written. */
export type MlflowOptionsInput = z.input<typeof mlflowOptionsSchema>;
/** The options with defaults applied. */
export type MlflowOptions = z.output<typeof mlflowOptionsSchema>;
