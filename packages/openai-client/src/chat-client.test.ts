import { afterEach, describe, expect, it } from 'vitest';
import { ChatClient, ChatRequestError, endpointUrl } from './chat-client.ts';
import { retryDelayMs } from './retry-policy.ts';
import { completion, type ScriptedAnswer, scriptedServer } from './testing/scripted-server.ts';

const servers: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function clientFor(answers: ScriptedAnswer[], options: { timeoutMs?: number; maxRetries?: number } = {}) {
  const server = await scriptedServer(answers);
  servers.push(server);
  const retries: Array<{ attempt: number; delayMs: number }> = [];
  const client = new ChatClient({
    baseUrl: server.baseUrl,
    apiKey: 'sk-test-secret',
    endpoint: '/chat/completions',
    responsePath: 'choices.0.message.content',
    retry: { maxRetries: options.maxRetries ?? 3, baseDelayMs: 10, maxDelayMs: 5000 },
    timeoutMs: options.timeoutMs ?? 5000,
    onRetry: ({ attempt, delayMs }) => retries.push({ attempt, delayMs }),
  });
  return { client, server, retries };
}

const hello = [{ role: 'user', content: 'hi' }];

describe('ChatClient', () => {
  it('posts {messages, model, ...sampling} with the key as a bearer token and returns the response path', async () => {
    const { client, server } = await clientFor([{ body: completion('0.75') }]);
    await expect(client.complete(hello, 'm1', { temperature: 0 })).resolves.toBe('0.75');
    expect(server.received[0]).toMatchObject({
      method: 'POST',
      url: '/v1/chat/completions',
      authorization: 'Bearer sk-test-secret',
      body: { messages: hello, model: 'm1', temperature: 0 },
    });
  });

  it('waits as long as a 429 Retry-After says, then retries', async () => {
    const { client, server, retries } = await clientFor([
      { status: 429, headers: { 'retry-after': '1' }, body: { error: 'slow down' } },
      { body: completion('ok') },
    ]);
    await expect(client.complete(hello, 'm', {})).resolves.toBe('ok');
    expect(retries).toEqual([{ attempt: 1, delayMs: 1000 }]);
    expect(server.received[1]!.at - server.received[0]!.at).toBeGreaterThanOrEqual(990);
  });

  it('retries 5xx answers with a growing wait and gives up after max_retry_num retries', async () => {
    const { client, server, retries } = await clientFor([{ status: 503, body: { error: 'down' } }], { maxRetries: 2 });
    const error = await client.complete(hello, 'm', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChatRequestError);
    expect((error as ChatRequestError).message).toMatch(/HTTP 503 .* \(after 3 tries\)/);
    expect(server.received).toHaveLength(3);
    expect(retries.map((r) => r.delayMs)).toEqual([10, 20]);
  });

  it('does not retry a request the server rejects as malformed (400), and keeps the key out of the error', async () => {
    const { client, server } = await clientFor([
      { status: 400, body: { error: 'bad request from key sk-test-secret' } },
    ]);
    const error = (await client.complete(hello, 'm', {}).catch((e: unknown) => e)) as ChatRequestError;
    expect(error.status).toBe(400);
    expect(error.message).not.toContain('sk-test-secret');
    expect(error.message).toContain('***');
    expect(server.received).toHaveLength(1);
  });

  it('times out a request that hangs, and retries it', async () => {
    const { client, server } = await clientFor([{ hang: true }], { timeoutMs: 200, maxRetries: 1 });
    await expect(client.complete(hello, 'm', {})).rejects.toThrow(/no answer .* within 200 ms \(after 2 tries\)/);
    expect(server.received).toHaveLength(2);
  });

  it('fails a row whose answer has nothing at response_path instead of returning an empty string', async () => {
    const { client } = await clientFor([{ body: { choices: [] } }]);
    await expect(client.complete(hello, 'm', {})).rejects.toThrow(/no text at response_path/);
  });

  it('asks the server for its first model', async () => {
    const { client, server } = await clientFor([{ body: { data: [{ id: 'first' }, { id: 'second' }] } }]);
    await expect(client.firstModel()).resolves.toBe('first');
    expect(server.received[0]).toMatchObject({ method: 'GET', url: '/v1/models' });
  });
});

describe('endpointUrl and retryDelayMs', () => {
  it('joins a relative endpoint onto the base URL and keeps an absolute one', () => {
    expect(endpointUrl('http://h:1/v1/', '/chat/completions')).toBe('http://h:1/v1/chat/completions');
    expect(endpointUrl('http://h:1/v1', 'https://other/x')).toBe('https://other/x');
  });

  it('reads Retry-After as seconds or as an HTTP date, else waits attempt × base', () => {
    const policy = { maxRetries: 5, baseDelayMs: 1000, maxDelayMs: 30_000 };
    expect(retryDelayMs(policy, 3, null)).toBe(3000);
    expect(retryDelayMs(policy, 1, '2')).toBe(2000);
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(retryDelayMs(policy, 1, 'Thu, 01 Jan 2026 00:00:05 GMT', now)).toBe(5000);
    expect(retryDelayMs(policy, 1, '3600')).toBe(30_000);
  });
});
