import { createHash } from 'node:crypto';
import { readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { type ComponentEnv, jobError } from '@dj-sandbox/core';
import type { InferCaller } from '../caller.ts';
import {
  type BuildMessages,
  type ChatMessage,
  conversationsOf,
  type ParseOutput,
  type Row,
} from '../messages/helpers.ts';
import { readInferenceRows } from './inference-rows.ts';

/** The inference settings of one file: helpers, their kwargs, the result key and what identifies a run. */
export interface InferSettings {
  readonly buildMessages: BuildMessages;
  readonly parseOutput: ParseOutput;
  readonly funcKwargs: Readonly<Record<string, unknown>>;
  readonly inferResKey: string;
  /** Everything that changes the answers (model, params, helper names): a partial file of other settings is dropped. */
  readonly identity: unknown;
}

/**
 * Answers a jobs file (`{"id", "messages"}` per line) by appending `{"id", "text"}` lines to the results file,
 * skipping ids it already holds; `onDone(n)` reports how many are answered so far.
 */
export type Generate = (jobsFile: string, resultsFile: string, onDone: (done: number) => void) => Promise<void>;

function conversationsOfRows(rows: readonly Row[], input: string, settings: InferSettings, caller: InferCaller) {
  return rows.map((row, i) => {
    try {
      return conversationsOf(settings.buildMessages(row, settings.funcKwargs));
    } catch (error) {
      throw jobError(`${caller.kind}-build-messages`, (error as Error).message, {
        plugin: caller.plugin,
        location: { file: input, line: i + 1 },
        expected: 'the fields func_kwargs names (system_key, query_key, response_key)',
        received: Object.keys(row),
        fix: 'Set func_kwargs to the field names of the dataset.',
      });
    }
  });
}

async function readResults(path: string): Promise<Map<string, string>> {
  const text = await readFile(path, 'utf8').catch(() => '');
  const results = new Map<string, string>();
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const { id, text: answer } = JSON.parse(line) as { id: string; text: string };
    results.set(id, answer);
  }
  return results;
}

/**
 * Removes every `<output>.<hash>.jobs.jsonl` / `.partial.jsonl` beside `output`: this run's, and those an interrupted
 * run with other input or settings left, whose answers no longer match what `output` now holds.
 */
async function removeRunFiles(output: string): Promise<void> {
  const name = basename(output);
  const isRunFile = (file: string) =>
    file.startsWith(`${name}.`) && /^[0-9a-f]{12}\.(jobs|partial)\.jsonl$/.test(file.slice(name.length + 1));
  const files = (await readdir(dirname(output))).filter(isRunFile);
  await Promise.all(files.map((file) => rm(join(dirname(output), file), { force: true })));
}

/**
 * Runs one input file: builds each row's conversations, has `generate` answer them (the answers of an interrupted
 * run with the same input and settings are kept in `<output>.<hash>.partial.jsonl` and not asked again), then
 * writes every row with its `infer_res_key` to `output` (a temporary name, renamed when complete) and removes the
 * run files of `output`, stale ones of other settings included.
 */
export async function inferFile(
  input: string,
  output: string,
  settings: InferSettings,
  generate: Generate,
  env: Pick<ComponentEnv, 'progress'>,
  caller: InferCaller,
): Promise<{ rows: number; conversations: number }> {
  const inputText = await readFile(input, 'utf8');
  const rows = await readInferenceRows(input, caller);
  const built = conversationsOfRows(rows, input, settings, caller);
  const jobs: Array<{ id: string; messages: ChatMessage[] }> = [];
  built.forEach(({ list }, r) => {
    list.forEach((messages, c) => {
      jobs.push({ id: `${r}.${c}`, messages });
    });
  });
  const hash = createHash('sha256').update(inputText).update(JSON.stringify(settings.identity)).digest('hex');
  const stem = `${output}.${hash.slice(0, 12)}`;
  const jobsFile = `${stem}.jobs.jsonl`;
  const resultsFile = `${stem}.partial.jsonl`;
  await writeFile(jobsFile, jobs.map((j) => `${JSON.stringify(j)}\n`).join(''));

  const task = env.progress.start(`${caller.kind} inference: ${basename(input)}`, jobs.length, 'conversations');
  let shown = 0;
  await generate(jobsFile, resultsFile, (done) => {
    task.tick(done - shown);
    shown = done;
  });
  task.done();

  const results = await readResults(resultsFile);
  const missing = jobs.filter((j) => !results.has(j.id));
  if (missing.length) {
    const message = `${missing.length} of ${jobs.length} conversations got no answer.`;
    throw jobError(`${caller.kind}-missing-answers`, message, {
      plugin: caller.plugin,
      location: { file: input, line: Number(missing[0]!.id.split('.')[0]) + 1 },
      expected: 'an answer for every conversation',
      received: `${results.size} answers in ${resultsFile}`,
      fix: 'Read the model log; run again to ask only the missing ones.',
    });
  }
  const lines = rows.map((row, r) => {
    const { batch, list } = built[r]!;
    const answers = list.map((_, c) => settings.parseOutput(results.get(`${r}.${c}`)!, row, settings.funcKwargs));
    return `${JSON.stringify({ ...row, [settings.inferResKey]: batch ? answers : answers[0] })}\n`;
  });
  await writeFile(`${output}.tmp`, lines.join(''));
  await rename(`${output}.tmp`, output);
  await removeRunFiles(output);
  return { rows: rows.length, conversations: jobs.length };
}
