import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { ComponentEnv } from '@dj-sandbox/core';
import { conversationsOf, type Row, readInferenceRows, runPool } from '@dj-sandbox/llm-infer';
import type { ChatClient } from '@dj-sandbox/openai-client';
import { API_CALLER } from '../caller.ts';
import type { ApiInferConfig } from '../config/api-config.ts';
import { PartialFile } from './partial-file.ts';

/** A row whose request failed for good. */
export interface FailedRow {
  readonly file: string;
  /** 1-based line of the input file. */
  readonly line: number;
  readonly error: string;
}

/** What one input file gave. */
export interface InferFileResult {
  readonly output: string;
  readonly rows: number;
  /** Rows taken from a partial file of an earlier, interrupted run. */
  readonly resumed: number;
  readonly failed: readonly FailedRow[];
}

/** The fingerprint that decides whether a partial file belongs to this run: the input and every request setting. */
export function fingerprintOf(inputText: string, config: ApiInferConfig, model: string): string {
  const settings = {
    model,
    endpoint: config.apiEndpoint,
    responsePath: config.responsePath,
    sampling: config.samplingParams,
    build: config.buildMessagesName,
    parse: config.parseOutputName,
    kwargs: config.funcKwargs,
    key: config.inferResKey,
  };
  return createHash('sha256').update(inputText).update(JSON.stringify(settings)).digest('hex');
}

/**
 * Runs one input file through the server, `config.concurrency` requests at a time, and writes
 * `<output>` with every row and its `infer_res_key` once all rows are done. Rows that a partial file of an
 * interrupted run holds are not asked again. When rows fail, the final file is not written: the partial file keeps
 * the finished ones, and the failures are returned for the caller to report.
 */
export async function inferFile(
  input: string,
  output: string,
  model: string,
  client: ChatClient,
  config: ApiInferConfig,
  env: Pick<ComponentEnv, 'logger' | 'progress' | 'signal'>,
): Promise<InferFileResult> {
  const rows = await readInferenceRows(input, API_CALLER);
  const fingerprint = fingerprintOf(await readFile(input, 'utf8'), config, model);
  const { partial, discarded } = await PartialFile.open(output, fingerprint);
  if (discarded) env.logger.warn(`Ignoring ${partial.path}: it was written for other input or settings.`);
  const resumed = partial.done.size;
  if (resumed > 0) env.logger.info(`Resuming ${basename(input)}: ${resumed} of ${rows.length} rows already done.`);

  const todo = rows.map((_, i) => i).filter((i) => !partial.done.has(i));
  const task = env.progress.start(`api inference: ${basename(input)}`, rows.length, 'rows');
  task.tick(resumed);
  const failed: FailedRow[] = [];
  await runPool(todo, config.concurrency, env.signal, async (index) => {
    const row = rows[index]!;
    try {
      const result = await inferRow(row, model, client, config, env.signal);
      await partial.add(index, { ...row, [config.inferResKey]: result });
    } catch (error) {
      if (env.signal.aborted) throw error;
      failed.push({ file: input, line: index + 1, error: (error as Error).message });
    } finally {
      task.tick();
    }
  });
  task.done();
  if (failed.length === 0) await partial.complete(output, rows.length);
  return { output, rows: rows.length, resumed, failed: failed.sort((a, b) => a.line - b.line) };
}

async function inferRow(
  row: Row,
  model: string,
  client: ChatClient,
  config: ApiInferConfig,
  signal: AbortSignal,
): Promise<unknown> {
  const { batch, list } = conversationsOf(config.buildMessages(row, config.funcKwargs));
  const results: unknown[] = [];
  for (const messages of list) {
    const output = await client.complete(messages, model, config.samplingParams, signal);
    results.push(config.parseOutput(output, row, config.funcKwargs));
  }
  return batch ? results : results[0];
}
