// Starts the local model server (a tiny model built on this machine, served by llama.cpp's OpenAI-compatible
// server on 127.0.0.1), runs the workflow against it, then stops the server. With OPENAI_BASE_URL already set, the
// workflow runs against that server instead.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startLocalModelServer } from '@dj-sandbox/local-llm';

const cli = fileURLToPath(new URL('../../../packages/cli/dist/bin.js', import.meta.url));
const server = process.env.OPENAI_BASE_URL ? null : await startLocalModelServer();
if (server) console.log(`local model server: ${server.baseUrl} (${server.model})`);
const code = await new Promise<number>((resolve) => {
  const child = spawn(process.execPath, [cli, 'run', '--config', 'sandbox.yaml', ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, ...(server ? { OPENAI_BASE_URL: server.baseUrl, OPENAI_API_KEY: 'local' } : {}) },
  });
  child.on('exit', (c) => resolve(c ?? 1));
});
await server?.stop();
process.exit(code);
