import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { completion, type ReceivedRequest, scriptedServer } from '@dj-sandbox/openai-client/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { readApiConfig } from '../config/api-config.ts';
import { readJsonl, tempDir, testEnv } from '../test-helpers/test-env.ts';
import { apiInferExecutor, runApiInference } from './api-infer.ts';

const servers: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** Answers every question with its length, after `delayMs`; while `rejecting`, questions with `bad` get a 400. */
async function gradingServer(options: { delayMs?: number } = {}) {
  let rejecting = true;
  let inFlight = 0;
  let maxInFlight = 0;
  const server = await scriptedServer(async (request: ReceivedRequest) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    await new Promise((r) => setTimeout(r, options.delayMs ?? 5));
    inFlight--;
    const messages = request.body.messages as Array<{ content: string }>;
    const user = messages.at(-1)!.content;
    if (rejecting && user.includes('bad')) return { status: 400, body: { error: 'cannot grade this' } };
    return { body: completion(String(user.length)) };
  });
  servers.push(server);
  return {
    ...server,
    maxInFlight: () => maxInFlight,
    heal: () => {
      rejecting = false;
    },
  };
}

function dataset(dir: string, questions: string[]): string {
  const path = join(dir, 'questions.jsonl');
  writeFileSync(path, questions.map((q, i) => `${JSON.stringify({ id: i, query: q })}\n`).join(''));
  return path;
}

function config(baseUrl: string, dir: string, input: string, extra: Record<string, unknown> = {}) {
  return readApiConfig(
    {
      type: 'api',
      model: 'grader',
      model_params: { base_url: baseUrl, api_key: 'sk-never-shown' },
      build_messages_func: 'build_messages',
      dataset_path: input,
      export_path: join(dir, 'out'),
      infer_res_key: 'grade',
      retry_base_delay: 0.001,
      max_retry_num: 1,
      ...extra,
    },
    {},
  );
}

describe('api inference', () => {
  it('answers every row, N requests at a time, and writes the rows in input order with their result', async () => {
    const server = await gradingServer({ delayMs: 20 });
    const dir = tempDir();
    const questions = Array.from({ length: 12 }, (_, i) => `question ${'x'.repeat(i)}`);
    const env = testEnv();
    const outputs = await runApiInference(
      config(server.baseUrl, dir, dataset(dir, questions), { concurrency: 4 }),
      env,
    );
    expect(outputs).toEqual([join(dir, 'out', 'questions_inference.jsonl')]);
    const rows = readJsonl(outputs[0]!);
    expect(rows.map((r) => r.id)).toEqual(questions.map((_, i) => i));
    expect(rows.map((r) => r.grade)).toEqual(questions.map((q) => String(q.length)));
    expect(server.maxInFlight()).toBe(4);
    expect(env.progressSeen.get('api inference: questions.jsonl')).toEqual({ total: 12, ticks: 12, done: true });
    expect(existsSync(`${outputs[0]}.partial.jsonl`)).toBe(false);
  });

  it('reports a failed row instead of writing it empty, and a second run asks only that row again', async () => {
    const server = await gradingServer();
    const dir = tempDir();
    const input = dataset(dir, ['one', 'two bad', 'three']);
    const env = testEnv();
    const failure = await runApiInference(config(server.baseUrl, dir, input), env).catch((e: unknown) => e);
    expect((failure as Error).message).toMatch(/1 of 3 rows got no answer[\s\S]*questions.jsonl:2: HTTP 400/);
    const output = join(dir, 'out', 'questions_inference.jsonl');
    expect(existsSync(output)).toBe(false);

    server.heal();
    const asked = server.received.length;
    await runApiInference(config(server.baseUrl, dir, input), testEnv());
    expect(server.received.length - asked).toBe(1);
    expect(readJsonl(output).map((r) => r.grade)).toEqual(['3', '7', '5']);
  });

  it('asks every row again when the input changed since the interrupted run', async () => {
    const server = await gradingServer();
    const dir = tempDir();
    const input = dataset(dir, ['one', 'two bad', 'three']);
    await runApiInference(config(server.baseUrl, dir, input), testEnv()).catch(() => {});
    writeFileSync(input, readFileSync(input, 'utf8').replace('two bad', 'two'));
    const asked = server.received.length;
    const env = testEnv();
    await runApiInference(config(server.baseUrl, dir, input), env);
    expect(server.received.length - asked).toBe(3);
    expect(env.records.some((r) => r.message.includes('written for other input or settings'))).toBe(true);
  });

  it('resumes a killed run without asking the finished rows again', async () => {
    const server = await gradingServer({ delayMs: 10 });
    const dir = tempDir();
    const input = dataset(
      dir,
      Array.from({ length: 10 }, (_, i) => `q${i}`),
    );
    const abort = new AbortController();
    const partial = join(dir, 'out', 'questions_inference.jsonl.partial.jsonl');
    const watcher = setInterval(() => {
      if (existsSync(partial) && readFileSync(partial, 'utf8').trim().split('\n').length > 4) abort.abort();
    }, 1);
    await expect(
      runApiInference(config(server.baseUrl, dir, input, { concurrency: 1 }), testEnv({ signal: abort.signal })),
    ).rejects.toBeDefined();
    clearInterval(watcher);
    const done = readFileSync(partial, 'utf8').trim().split('\n').slice(1);
    const finished = done.length;
    expect(finished).toBeGreaterThanOrEqual(4);
    expect(finished).toBeLessThan(10);

    const asked = server.received.length;
    const env = testEnv();
    await runApiInference(config(server.baseUrl, dir, input, { concurrency: 1 }), env);
    // The request cut short by the kill may reach the server late; it is one of the unfinished rows either way.
    const askedAgain = new Set(server.received.slice(asked).map((r) => JSON.stringify(r.body.messages)));
    const doneQueries = new Set(done.map((line) => (JSON.parse(line) as { row: { query: string } }).row.query));
    const unfinished = Array.from({ length: 10 }, (_, i) => `q${i}`).filter((q) => !doneQueries.has(q));
    expect([...askedAgain].sort()).toEqual(
      unfinished.map((q) => JSON.stringify([{ role: 'user', content: q }])).sort(),
    );
    expect(readJsonl(join(dir, 'out', 'questions_inference.jsonl')).map((r) => r.grade)).toHaveLength(10);
    expect(env.records.some((r) => r.message.includes(`${finished} of 10 rows already done`))).toBe(true);
  });

  it('never writes the API key into its log', async () => {
    const server = await gradingServer();
    const dir = tempDir();
    const env = testEnv();
    await runApiInference(config(server.baseUrl, dir, dataset(dir, ['a', 'b bad']), { max_retry_num: 2 }), env).catch(
      () => {},
    );
    expect(env.records.length).toBeGreaterThan(0);
    expect(JSON.stringify(env.records)).not.toContain('sk-never-shown');
    expect(server.received[0]!.authorization).toBe('Bearer sk-never-shown');
  });

  it('rejects the reference default build_input, which was never registered, before any request', async () => {
    expect(() =>
      apiInferExecutor.create(
        { type: 'api', model_params: { base_url: 'http://127.0.0.1:9/v1' }, dataset_path: 'x', export_path: 'o' },
        testEnv(),
      ),
    ).toThrow(/build_messages_func[\s\S]*never registered/);
  });

  it('takes the base URL and key from OPENAI_BASE_URL and OPENAI_API_KEY when model_params has none', () => {
    const read = readApiConfig(
      { type: 'api', build_messages_func: 'build_messages', dataset_path: 'x', export_path: 'o' },
      { OPENAI_BASE_URL: 'http://h/v1', OPENAI_API_KEY: 'k' },
    );
    expect([read.baseUrl, read.apiKey, read.apiEndpoint, read.responsePath, read.retry.maxRetries]).toEqual([
      'http://h/v1',
      'k',
      '/chat/completions',
      'choices.0.message.content',
      5,
    ]);
  });
});
