import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { ensureLocalLlm } from './local-llm-env.ts';

/** The model id the server lists (`GET /v1/models`). */
export const LOCAL_MODEL_ID = 'dj-sandbox-tiny-llm';

/** A running local model server. */
export interface LocalModelServer {
  /** e.g. `http://127.0.0.1:40123/v1`. */
  readonly baseUrl: string;
  readonly model: string;
  readonly port: number;
  /** The server's output so far (for failing tests). */
  output(): string;
  /** Stops the server (SIGTERM, then SIGKILL after 5 s). */
  stop(): Promise<void>;
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function waitReady(baseUrl: string, child: ChildProcess, output: () => string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the model server exited (${child.exitCode}):\n${output()}`);
    try {
      const response = await fetch(`${baseUrl}/models`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the model server did not answer within ${timeoutMs} ms:\n${output()}`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * Starts llama.cpp's OpenAI-compatible server (`python -m llama_cpp.server`, from PyPI `llama-cpp-python`) on a
 * free port of 127.0.0.1, serving the tiny model that {@link ensureLocalLlm} builds, and resolves once
 * `GET /v1/models` answers. The environment and model are built on first use and cached.
 */
export async function startLocalModelServer(
  options: { nCtx?: number; threads?: number } = {},
): Promise<LocalModelServer> {
  const { python, modelPath } = await ensureLocalLlm();
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}/v1`;
  const argv = [
    '-m',
    'llama_cpp.server',
    '--model',
    modelPath,
    '--model_alias',
    LOCAL_MODEL_ID,
    '--host',
    '127.0.0.1',
    '--port',
    String(port),
    '--n_ctx',
    String(options.nCtx ?? 1024),
    '--n_threads',
    String(options.threads ?? 2),
  ];
  const child = spawn(python, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const output = () => log;
  try {
    await waitReady(baseUrl, child, output, 60_000);
  } catch (error) {
    await stopChild(child);
    throw error;
  }
  return { baseUrl, model: LOCAL_MODEL_ID, port, output, stop: () => stopChild(child) };
}
