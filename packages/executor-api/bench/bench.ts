// Rows per second of the api executor against the local model server (a tiny llama.cpp model built on this
// machine, see @dj-sandbox/local-llm), at concurrency 1, 4 and 16. Prints one JSON object.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger, MemoryTracker, silentProgress } from '@dj-sandbox/core';
import { startLocalModelServer } from '@dj-sandbox/local-llm';
import { readApiConfig, runApiInference } from '../src/index.ts';

const ROWS = Number(process.env.BENCH_ROWS ?? 40);
const questions = readFileSync(new URL('../src/__fixtures__/init_infer_dataset.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter(Boolean);
const server = await startLocalModelServer();
const results: Array<{ concurrency: number; rows: number; seconds: number; rowsPerSecond: number }> = [];
try {
  // The first pass warms the server up (model pages, allocator) and is not reported.
  for (const [pass, concurrency] of [
    [0, 4],
    [1, 1],
    [2, 4],
    [3, 16],
  ] as const) {
    const dir = mkdtempSync(join(tmpdir(), 'api-bench-'));
    const input = join(dir, 'rows.jsonl');
    writeFileSync(input, Array.from({ length: ROWS }, (_, i) => `${questions[i % questions.length]}\n`).join(''));
    const config = readApiConfig(
      {
        type: 'api',
        model: server.model,
        build_messages_func: 'build_messages_for_math_qa',
        func_kwargs: { query_key: 'question', response_key: 'answer' },
        sampling_params: { temperature: 0, max_tokens: 6 },
        dataset_path: input,
        export_path: join(dir, 'out'),
        concurrency,
      },
      { OPENAI_BASE_URL: server.baseUrl },
    );
    const env = {
      logger: createLogger([], 'warn'),
      tracker: new MemoryTracker(),
      progress: silentProgress,
      signal: new AbortController().signal,
      workDir: dir,
      scope: { iteration: 1, pipeline: 'bench', job: 'bench', metaName: 'bench' },
      resolve: () => {
        throw new Error('no services');
      },
      extensions: () => [],
      ownedExtensions: () => [],
    };
    const started = performance.now();
    await runApiInference(config, env);
    const seconds = (performance.now() - started) / 1000;
    if (pass === 0) continue;
    results.push({
      concurrency,
      rows: ROWS,
      seconds: +seconds.toFixed(2),
      rowsPerSecond: +(ROWS / seconds).toFixed(2),
    });
  }
} finally {
  await server.stop();
}
console.log(
  JSON.stringify(
    { bench: 'executor-api rows/s (local llama.cpp server, tiny model)', cpus: cpus().length, results },
    null,
    2,
  ),
);
