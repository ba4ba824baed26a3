import { execFile } from 'node:child_process';
import { cpSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { ensurePythonEnv, findExecutable } from '@dj-sandbox/env-manager';
import { engineEnvSpec } from '@dj-sandbox/executor-data-juicer-py';
import { isLocalLlmReady, LOCAL_LLM_SKIP_REASON, startLocalModelServer } from '@dj-sandbox/local-llm';
import { testdir } from '@dj-sandbox/test-utils';
import { describe, expect, it } from 'vitest';

const EXAMPLE = fileURLToPath(new URL('..', import.meta.url));
const CLI = fileURLToPath(new URL('../../../packages/cli/dist/bin.js', import.meta.url));
const EXPORT = 'outputs/auto-prompt-optimization-for-grader-model/generated_prompts/new_prompts.jsonl';
const ready = isLocalLlmReady() && findExecutable('uv') !== undefined;
const title =
  "the prompt-generating recipe on Data-Juicer itself: DJ 1.6.1's optimize_prompt_mapper asks the local model server";

/** A pass-through proxy in front of the model server that counts the chat completions it forwards. */
async function countingProxy(target: string): Promise<{ url: string; chats: () => number; close: () => void }> {
  const upstream = new URL(target);
  let chats = 0;
  const server = createServer((req, res) => {
    if (req.url?.endsWith('/chat/completions')) chats += 1;
    const forward = request(
      { host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: req.headers },
      (reply) => {
        res.writeHead(reply.statusCode ?? 502, reply.headers);
        reply.pipe(res);
      },
    );
    req.pipe(forward);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/v1`, chats: () => chats, close: () => server.close() };
}

describe.skipIf(!ready)(ready ? title : `${title} (skipped: ${LOCAL_LLM_SKIP_REASON}, or uv is missing)`, () => {
  it('adds the three prompts the model wrote to the original one, through `dj-sandbox process` on the Python engine', async () => {
    // The engine's env is created once and cached; CI creates it before the tests (.ci/run).
    await ensurePythonEnv(engineEnvSpec());
    const dir = testdir();
    cpSync(join(EXAMPLE, 'data'), join(dir, 'data'), { recursive: true });
    symlinkSync(join(EXAMPLE, 'node_modules'), join(dir, 'node_modules'));
    // The example's recipe unchanged but for the engine (Data-Juicer's, not ops-llm's) and one process.
    const recipe = readFileSync(join(EXAMPLE, 'dj_configs_prompt_generating.yaml'), 'utf8');
    writeFileSync(join(dir, 'recipe.yaml'), recipe.replace(/^np: 8$/m, 'np: 1\nengine: python'));

    const server = await startLocalModelServer();
    const proxy = await countingProxy(server.baseUrl);
    try {
      await promisify(execFile)(process.execPath, [CLI, 'process', '-r', 'recipe.yaml'], {
        cwd: dir,
        env: { ...process.env, CI: 'true', OPENAI_BASE_URL: proxy.url, OPENAI_API_KEY: 'sk-local-secret' },
        maxBuffer: 1 << 26,
      });
    } finally {
      proxy.close();
      await server.stop();
    }

    const original = readFileSync(join(dir, 'data/demo-dataset-prompts.jsonl'), 'utf8').trim().split('\n');
    const rows = readFileSync(join(dir, EXPORT), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { prompt: string });
    // keep_original_sample: the original prompt first, then one new prompt per generation (gen_num: 3).
    expect(original).toHaveLength(1);
    expect(rows[0]?.prompt).toBe((JSON.parse(original[0] as string) as { prompt: string }).prompt);
    expect(rows).toHaveLength(4);
    for (const row of rows.slice(1)) {
      expect(row.prompt.trim().length).toBeGreaterThan(0);
      expect(row.prompt).not.toBe(rows[0]?.prompt);
    }
    // Data-Juicer's own client made the requests: one per generated prompt at least (it retries a reply it cannot parse).
    expect(proxy.chats()).toBeGreaterThanOrEqual(3);
  }, 900_000);
});
