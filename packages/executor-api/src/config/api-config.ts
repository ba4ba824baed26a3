import { type ConfigTree, configError, isMapping } from '@dj-sandbox/core';
import { type BuildMessages, namedHelpers, type ParseOutput } from '@dj-sandbox/llm-infer';
import type { RetryPolicy } from '@dj-sandbox/openai-client';
import { API_CALLER } from '../caller.ts';

/** The `api` executor's config, read from `extra_configs` with the reference's defaults (see docs/language-models.md). */
export interface ApiInferConfig {
  /** `model`; null asks the server for its first model. */
  readonly model: string | null;
  readonly baseUrl: string;
  /** From `model_params.api_key` or `OPENAI_API_KEY`; kept out of every log, error and record. */
  readonly apiKey: string | undefined;
  readonly apiEndpoint: string;
  readonly responsePath: string;
  readonly retry: RetryPolicy;
  /** Ours: time-out of one request (`request_timeout`, seconds, default 120). */
  readonly timeoutMs: number;
  /** Ours: requests in flight at once (`concurrency`, default 4). */
  readonly concurrency: number;
  readonly samplingParams: Readonly<Record<string, unknown>>;
  readonly buildMessagesName: string;
  readonly buildMessages: BuildMessages;
  readonly parseOutputName: string;
  readonly parseOutput: ParseOutput;
  readonly funcKwargs: Readonly<Record<string, unknown>>;
  readonly inferResKey: string;
  readonly datasetPaths: readonly string[];
  readonly exportPath: string;
}

const PLUGIN = 'executor-api';

function mapping(config: ConfigTree, key: string): Record<string, unknown> {
  const value = config[key];
  if (value === undefined || value === null) return {};
  if (isMapping(value)) return value;
  throw configError('api-config-type', `${key} must be a mapping.`, {
    plugin: PLUGIN,
    path: `extra_configs.${key}`,
    expected: 'a mapping',
    received: value,
    fix: `Write ${key} as a YAML mapping, or leave it out.`,
  });
}

function text(config: ConfigTree, key: string, fallback: string): string {
  const value = config[key];
  if (value === undefined || value === null) return fallback;
  if (typeof value === 'string' && value !== '') return value;
  throw configError('api-config-type', `${key} must be a non-empty string.`, {
    plugin: PLUGIN,
    path: `extra_configs.${key}`,
    expected: 'a non-empty string',
    received: value,
    fix: `Set ${key} to a string, or leave it out for ${JSON.stringify(fallback)}.`,
  });
}

function count(config: ConfigTree, key: string, fallback: number, min: number): number {
  const value = config[key] ?? fallback;
  if (typeof value === 'number' && Number.isFinite(value) && value >= min) return value;
  throw configError('api-config-type', `${key} must be a number ≥ ${min}.`, {
    plugin: PLUGIN,
    path: `extra_configs.${key}`,
    expected: `a number ≥ ${min} (default ${fallback})`,
    received: value,
    fix: `Set ${key} to a number ≥ ${min}.`,
  });
}

function datasetPaths(config: ConfigTree): string[] {
  const value = config.dataset_path ?? [];
  const list = typeof value === 'string' ? [value] : value;
  if (Array.isArray(list) && list.every((p) => typeof p === 'string') && list.length > 0) return list as string[];
  throw configError('api-dataset-path', 'dataset_path must name at least one JSONL file.', {
    plugin: PLUGIN,
    path: 'extra_configs.dataset_path',
    expected: 'a path or a list of paths to JSONL files',
    received: value,
    fix: 'Set dataset_path, or feed it from an earlier job with input: {extra_configs.dataset_path: -1.<output>}.',
  });
}

/**
 * Reads and checks the `api` executor's config. The base URL and key come from `model_params` or the environment
 * (`OPENAI_BASE_URL`, `OPENAI_API_KEY`), as the reference's client takes them.
 */
export function readApiConfig(config: ConfigTree, environment: NodeJS.ProcessEnv = process.env): ApiInferConfig {
  const modelParams = mapping(config, 'model_params');
  const baseUrl = modelParams.base_url ?? environment.OPENAI_BASE_URL;
  if (typeof baseUrl !== 'string' || baseUrl === '') {
    throw configError('api-base-url', 'no base URL for the OpenAI-compatible server.', {
      plugin: PLUGIN,
      path: 'extra_configs.model_params.base_url',
      expected: 'model_params.base_url, or the OPENAI_BASE_URL environment variable',
      received: baseUrl ?? null,
      fix: 'Set model_params.base_url (e.g. http://127.0.0.1:8000/v1) or export OPENAI_BASE_URL.',
    });
  }
  const apiKey = modelParams.api_key ?? environment.OPENAI_API_KEY;
  const exportPath = config.export_path;
  if (typeof exportPath !== 'string' || exportPath === '') {
    throw configError('api-export-path', 'export_path is not specified.', {
      plugin: PLUGIN,
      path: 'extra_configs.export_path',
      expected: 'a directory for <input name>_inference.jsonl files',
      received: exportPath ?? null,
      fix: 'Set export_path, e.g. ./outputs/inference/.',
    });
  }
  const buildMessagesName = text(config, 'build_messages_func', 'build_input');
  const parseOutputName = text(config, 'parse_output_func', 'parse_output');
  const model = config.model;
  const helpers = namedHelpers(API_CALLER, buildMessagesName, parseOutputName);
  return {
    model: typeof model === 'string' && model !== '' ? model : null,
    baseUrl,
    apiKey: typeof apiKey === 'string' && apiKey !== '' ? apiKey : undefined,
    apiEndpoint: text(config, 'api_endpoint', '/chat/completions'),
    responsePath: text(config, 'response_path', 'choices.0.message.content'),
    retry: {
      maxRetries: Math.floor(count(config, 'max_retry_num', 5, 0)),
      baseDelayMs: count(config, 'retry_base_delay', 1, 0) * 1000,
      maxDelayMs: 60_000,
    },
    timeoutMs: count(config, 'request_timeout', 120, 0.001) * 1000,
    concurrency: Math.floor(count(config, 'concurrency', 4, 1)),
    samplingParams: mapping(config, 'sampling_params'),
    buildMessagesName,
    buildMessages: helpers.buildMessages,
    parseOutputName,
    parseOutput: helpers.parseOutput,
    funcKwargs: mapping(config, 'func_kwargs'),
    inferResKey: text(config, 'infer_res_key', 'response'),
    datasetPaths: datasetPaths(config),
    exportPath,
  };
}
