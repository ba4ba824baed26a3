import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { testdir } from '@dj-sandbox/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkHfModelAvailable } from './hf-model-availability.ts';

const caller = { plugin: 'executor-test', kind: 'test' };
const signal = new AbortController().signal;
let server: Server | undefined;

/** A hub on 127.0.0.1 that knows only `org/known`. */
async function localHub(): Promise<string> {
  server = createServer((req, res) => {
    res.writeHead(req.url === '/api/models/org/known' ? 200 : 404).end('{}');
  });
  await new Promise<void>((done) => server!.listen(0, '127.0.0.1', done));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

afterEach(() => {
  vi.unstubAllEnvs();
  server?.close();
  server = undefined;
});

describe('checkHfModelAvailable', () => {
  it('accepts a local folder with config.json, relative to the working directory', async () => {
    const dir = testdir({ 'models/tiny/config.json': '{}' });
    expect(await checkHfModelAvailable('./models/tiny', dir, 'jobs[0]', signal, caller)).toBe('local');
  });

  it('rejects a path without config.json as the caller, without asking the hub', async () => {
    const dir = testdir({ 'models/tiny/README.md': '' });
    await expect(checkHfModelAvailable('./models/tiny', dir, 'jobs[0]', signal, caller)).rejects.toMatchObject({
      code: 'test-model-unavailable',
      message: expect.stringContaining('has no config.json'),
      data: { plugin: 'executor-test', path: 'jobs[0].extra_configs.model' },
    });
  });

  it('finds a hub id in the huggingface_hub cache', async () => {
    const cache = testdir({ 'models--org--cached/refs/main': 'abc' });
    vi.stubEnv('HF_HUB_CACHE', cache);
    expect(await checkHfModelAvailable('org/cached', testdir(), 'jobs[0]', signal, caller)).toBe('cached');
  });

  it('asks the hub HF_ENDPOINT names, and says what it answered', async () => {
    vi.stubEnv('HF_HUB_CACHE', testdir());
    vi.stubEnv('HF_ENDPOINT', await localHub());
    expect(await checkHfModelAvailable('org/known', testdir(), 'jobs[0]', signal, caller)).toBe('hub');
    await expect(checkHfModelAvailable('org/unknown', testdir(), 'jobs[0]', signal, caller)).rejects.toThrow(
      'model org/unknown cannot be loaded: the hub answered HTTP 404.',
    );
  });

  it('does not ask the hub when HF_HUB_OFFLINE is set', async () => {
    vi.stubEnv('HF_HUB_CACHE', join(testdir(), 'empty'));
    vi.stubEnv('HF_HUB_OFFLINE', '1');
    vi.stubEnv('HF_ENDPOINT', 'http://127.0.0.1:9/');
    await expect(checkHfModelAvailable('org/known', testdir(), 'jobs[0]', signal, caller)).rejects.toThrow(
      'HF_HUB_OFFLINE is set and it is not in the cache',
    );
  });
});
