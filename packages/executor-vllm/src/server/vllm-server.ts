import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { jobError, type PythonEnv } from '@dj-sandbox/core';

/** A running `vllm serve` process. */
export interface VllmServer {
  /** `http://127.0.0.1:<port>/v1`. */
  readonly baseUrl: string;
  /** The key the server was started with (`VLLM_API_KEY`): never on its command line, so never in a log. */
  readonly apiKey: string;
  /** Stops it: SIGTERM, SIGKILL after 5 s (env-manager's runner), and waits until it has exited. */
  stop(): Promise<void>;
}

/** What {@link startVllmServer} needs. */
export interface VllmServerOptions {
  readonly model: string;
  readonly tensorParallelSize: number | null;
  /** Engine arguments, given as `--kebab-case` flags. */
  readonly modelParams: Readonly<Record<string, unknown>>;
  readonly cwd: string;
  readonly logFile: string;
  readonly component: string;
  readonly signal: AbortSignal;
  readonly startupTimeoutMs: number;
  readonly onLine?: (line: string) => void;
}

/** A free TCP port of 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
    server.once('error', reject);
  });
}

/**
 * `model_params` as `vllm serve` flags: `max_model_len: 4096` → `--max-model-len 4096`, `true` → the bare flag,
 * `false`/null → left out, a mapping → its JSON (vLLM parses JSON for dict-valued arguments), a list → one value each.
 */
export function serveFlags(params: Readonly<Record<string, unknown>>): string[] {
  const flags: string[] = [];
  for (const [key, value] of Object.entries(params)) {
    const flag = `--${key.replaceAll('_', '-')}`;
    if (value === true) flags.push(flag);
    else if (value === false || value === null || value === undefined) continue;
    else if (Array.isArray(value)) flags.push(flag, ...value.map(String));
    else if (typeof value === 'object') flags.push(flag, JSON.stringify(value));
    else flags.push(flag, String(value));
  }
  return flags;
}

type Exit = { exitCode: number; tail: readonly string[] } | { error: Error };

async function healthy(url: string, apiKey: string): Promise<boolean> {
  try {
    const response = await fetch(url, {
      headers: { authorization: `Bearer ${apiKey}` },
      signal: AbortSignal.timeout(5000),
    });
    return response.ok;
  } catch {
    return false;
  }
}

/**
 * Starts `vllm serve <model> --host 127.0.0.1 --port <free>` through the env, and resolves once `GET /health`
 * answers 200. If the process exits first, or `startupTimeoutMs` passes, it is stopped and a job error carries the
 * last lines it printed.
 */
export async function startVllmServer(python: PythonEnv, options: VllmServerOptions): Promise<VllmServer> {
  const port = await freePort();
  const apiKey = randomBytes(16).toString('hex');
  const argv = ['vllm', 'serve', options.model, '--host', '127.0.0.1', '--port', String(port)];
  if (options.tensorParallelSize) argv.push('--tensor-parallel-size', String(options.tensorParallelSize));
  argv.push(...serveFlags(options.modelParams));
  const stopping = new AbortController();
  let exit: Exit | undefined;
  const exited = python
    .run(argv, {
      cwd: options.cwd,
      component: options.component,
      logFile: options.logFile,
      signal: AbortSignal.any([options.signal, stopping.signal]),
      allowFailure: true,
      env: { VLLM_API_KEY: apiKey },
      ...(options.onLine ? { onLine: options.onLine } : {}),
    })
    .then(
      (result) => {
        exit = { exitCode: result.exitCode, tail: result.tail };
      },
      (error: Error) => {
        exit = { error };
      },
    );
  const stop = async () => {
    stopping.abort();
    await exited;
  };
  const baseUrl = `http://127.0.0.1:${port}/v1`;
  const deadline = Date.now() + options.startupTimeoutMs;
  while (!exit && !(await healthy(`http://127.0.0.1:${port}/health`, apiKey))) {
    if (options.signal.aborted || Date.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  if (exit || options.signal.aborted || Date.now() > deadline) {
    const ended = exit;
    await stop();
    if (options.signal.aborted) throw options.signal.reason;
    const tail = ended && 'tail' in ended ? ended.tail.join('\n    ') : '';
    throw jobError(
      'vllm-server-not-ready',
      ended
        ? `vllm serve exited before it was ready (${'error' in ended ? ended.error.message : `exit code ${ended.exitCode}`}).${tail ? `\n    ${tail}` : ''}`
        : `vllm serve was not ready after ${Math.round(options.startupTimeoutMs / 1000)} s.`,
      {
        plugin: 'executor-vllm',
        expected: `GET http://127.0.0.1:${port}/health answering 200`,
        received: ended ? 'the process exited' : 'no answer in time',
        fix: `Read ${options.logFile}; a model that loads slowly needs a larger server_startup_timeout.`,
      },
    );
  }
  return { baseUrl, apiKey, stop };
}
