import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  type ComponentDefinition,
  type ComponentEnv,
  type ConfigTree,
  configError,
  defineComponent,
  jobError,
  pyJoin,
  runInfoRef,
} from '@dj-sandbox/core';
import { ChatClient } from '@dj-sandbox/openai-client';
import { type ApiInferConfig, readApiConfig } from '../config/api-config.ts';
import { basenameNoExt, type FailedRow, inferFile } from '../run/infer-dataset.ts';

function componentCwd(env: ComponentEnv): string {
  try {
    return env.resolve(runInfoRef).cwd;
  } catch {
    return process.cwd();
  }
}

/** The reference's `check_io_paths`: missing inputs are skipped with a warning; none left is a clear error. */
function existingInputs(config: ApiInferConfig, cwd: string, env: ComponentEnv): string[] {
  const missing = config.datasetPaths.filter((p) => !existsSync(resolve(cwd, p)));
  if (missing.length) env.logger.warn(`Input paths ${JSON.stringify(missing)} do not exist. Skipped!`);
  const inputs = config.datasetPaths.filter((p) => !missing.includes(p));
  if (inputs.length === 0) {
    throw configError('api-dataset-missing', 'none of the dataset_path files exists.', {
      plugin: 'executor-api',
      path: 'extra_configs.dataset_path',
      expected: `existing JSONL files (relative paths start at ${cwd})`,
      received: config.datasetPaths,
      fix: 'Check the paths, or the job that was meant to produce them.',
    });
  }
  return inputs;
}

function failureError(env: ComponentEnv, failed: readonly FailedRow[], total: number): Error {
  const shown = failed
    .slice(0, 5)
    .map((f) => `${f.file}:${f.line}: ${f.error}`)
    .join('\n    ');
  return jobError(
    'api-rows-failed',
    `${failed.length} of ${total} rows got no answer from the model server.\n    ${shown}`,
    {
      plugin: 'executor-api',
      job: env.scope.metaName ?? undefined,
      expected: 'an answer for every row',
      received: `${failed.length} failed row${failed.length === 1 ? '' : 's'}`,
      fix:
        'Check the server (base_url, model, api_key) and run again: finished rows are kept in the ' +
        '.partial.jsonl file and are not asked again. Raise max_retry_num or request_timeout for a busy server.',
    },
  );
}

/**
 * Runs the `api` inference over every input and returns the output paths (`<export_path>/<name>_inference.jsonl`,
 * in the form `export_path` was written in).
 */
export async function runApiInference(config: ApiInferConfig, env: ComponentEnv): Promise<string[]> {
  const cwd = componentCwd(env);
  const inputs = existingInputs(config, cwd, env);
  await mkdir(resolve(cwd, config.exportPath), { recursive: true });
  const client = new ChatClient({
    baseUrl: config.baseUrl,
    apiKey: config.apiKey,
    endpoint: config.apiEndpoint,
    responsePath: config.responsePath,
    retry: config.retry,
    timeoutMs: config.timeoutMs,
    onRetry: ({ attempt, delayMs, reason }) =>
      env.logger.warn(`Retry ${attempt}/${config.retry.maxRetries} in ${delayMs} ms: ${reason}`),
  });
  const model = config.model ?? (await client.firstModel(env.signal));
  const outputs: string[] = [];
  const failed: FailedRow[] = [];
  let total = 0;
  for (const input of inputs) {
    const output = pyJoin(config.exportPath, `${basenameNoExt(input)}_inference.jsonl`);
    const result = await inferFile(resolve(cwd, input), resolve(cwd, output), model, client, config, env);
    env.logger.info(
      `${input}: ${result.rows - result.failed.length}/${result.rows} rows answered by ${model}` +
        (result.resumed ? ` (${result.resumed} resumed)` : ''),
    );
    failed.push(...result.failed.map((f) => ({ ...f, file: input })));
    total += result.rows;
    outputs.push(output);
  }
  if (failed.length) throw failureError(env, failed, total);
  return outputs;
}

function apiComponent(kind: 'ModelInferExecutor' | 'ModelInferEvaluator'): ComponentDefinition<ConfigTree> {
  return defineComponent<ConfigTree>({
    kind,
    type: 'api',
    description:
      'Chat completions from an OpenAI-compatible server for every row of dataset_path (retries, concurrency, resume).',
    create(config, env) {
      const apiConfig = readApiConfig(config);
      return { run: () => runApiInference(apiConfig, env) };
    },
  });
}

/** `InferModelHook` with `type: api`. */
export const apiInferExecutor = apiComponent('ModelInferExecutor');

/** `ProbeViaModelInferHook` with `type: api`: the same inference, on the hook's probe sample. */
export const apiInferEvaluator = apiComponent('ModelInferEvaluator');
