import { appendFile, readFile } from 'node:fs/promises';
import type { Logger } from '@dj-sandbox/core';
import { type ChatMessage, type Generate, runPool } from '@dj-sandbox/llm-infer';
import type { ChatClient } from '@dj-sandbox/openai-client';

async function jsonLines<T>(path: string): Promise<T[]> {
  const text = await readFile(path, 'utf8').catch(() => '');
  return text
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as T);
}

/**
 * Answers a jobs file by chat completions against a running server, `concurrency` at a time, each answer appended
 * to the results file as it arrives; ids already answered are skipped. A conversation that fails for good is logged
 * and left unanswered, for the caller to report.
 */
export function serverGenerate(
  client: ChatClient,
  model: string,
  sampling: Readonly<Record<string, unknown>>,
  concurrency: number,
  signal: AbortSignal,
  logger: Logger,
): Generate {
  return async (jobsFile, resultsFile, onDone) => {
    const jobs = await jsonLines<{ id: string; messages: ChatMessage[] }>(jobsFile);
    const done = new Set((await jsonLines<{ id: string }>(resultsFile)).map((r) => r.id));
    let answered = done.size;
    onDone(answered);
    await runPool(
      jobs.filter((job) => !done.has(job.id)),
      concurrency,
      signal,
      async (job) => {
        try {
          const text = await client.complete(job.messages, model, sampling, signal);
          await appendFile(resultsFile, `${JSON.stringify({ id: job.id, text })}\n`);
          onDone(++answered);
        } catch (error) {
          if (signal.aborted) throw error;
          logger.warn(`conversation ${job.id} got no answer: ${(error as Error).message}`);
        }
      },
    );
  };
}
