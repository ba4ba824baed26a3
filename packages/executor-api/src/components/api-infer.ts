import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  type ComponentDefinition,
  type ComponentEnv,
  type ConfigTree,
  defineComponent,
  jobError,
  pyJoin,
} from '@dj-sandbox/core';
import { basenameNoExt, existingDatasetPaths, runCwd } from '@dj-sandbox/llm-infer';
import { ChatClient } from '@dj-sandbox/openai-client';
import { API_CALLER } from '../caller.ts';
import { type ApiInferConfig, readApiConfig } from '../config/api-config.ts';
import { type FailedRow, inferFile } from '../run/infer-dataset.ts';

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
  const cwd = runCwd(env);
  // The reference's check_io_paths: missing inputs are skipped with a warning; none left is a clear error.
  const inputs = existingDatasetPaths(config.datasetPaths, cwd, env, API_CALLER);
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
