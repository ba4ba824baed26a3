import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import dataJuicer from '@dj-sandbox/executor-data-juicer';
import hooksModel from '@dj-sandbox/hooks-model';
import {
  isLocalLlmReady,
  LOCAL_LLM_SKIP_REASON,
  type LocalModelServer,
  localLlmPaths,
  startLocalModelServer,
} from '@dj-sandbox/local-llm';
import { createTestRun, testdir } from '@dj-sandbox/test-utils';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import plugin from '../plugin.ts';
import { fakeVllmEnvs } from '../test-helpers/fake-vllm.ts';

const QUESTIONS = readFileSync(fileURLToPath(new URL('../__fixtures__/math_qa.jsonl', import.meta.url)), 'utf8');
const ROWS = QUESTIONS.trim().split('\n').length;
const ready = isLocalLlmReady();

function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function gradingJob(extra: Record<string, unknown>) {
  return {
    hook: 'InferModelHook',
    meta_name: 'grade',
    extra_configs: {
      type: 'vllm',
      build_messages_func: 'build_messages_for_math_qa',
      func_kwargs: { query_key: 'question', response_key: 'answer' },
      sampling_params: { temperature: 0, max_tokens: 6 },
      dataset_path: 'rows.jsonl',
      export_path: './out',
      infer_res_key: 'grade',
      ...extra,
    },
  };
}

async function runJob(extra: Record<string, unknown>) {
  const bridge = fakeVllmEnvs();
  const run = await createTestRun({
    plugins: [hooksModel, plugin, bridge.plugin],
    files: { 'rows.jsonl': QUESTIONS, 'model/config.json': {} },
    config: { work_dir: './work', execution_job_configs: [gradingJob(extra)] },
  });
  vi.stubEnv('FAKE_VLLM_ARGV_FILE', run.path('vllm-argv.json'));
  vi.stubEnv('FAKE_VLLM_LLM_ARGS_FILE', run.path('llm-args.json'));
  const modelLog = () => {
    const name = readdirSync(run.path('work')).find((f) => /^model_exe_vllm_\d{14}\.log$/.test(f));
    return readFileSync(join(run.path('work'), name!), 'utf8');
  };
  const recorded = () =>
    JSON.parse(readFileSync(run.path('vllm-argv.json'), 'utf8')) as { argv: string[]; pid: number; apiKeySet: boolean };
  return { run, bridge, modelLog, recorded };
}

function graded(path: string): Array<Record<string, unknown>> {
  return readFileSync(path, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('vllm serve lifecycle (fake vllm on PATH; no real vLLM: no GPU here)', () => {
  it('fails with the last lines vllm printed when the server exits before it is ready', async () => {
    const { run } = await runJob({ mode: 'server', model: './model' });
    vi.stubEnv('FAKE_VLLM_CRASH', 'CUDA error: no CUDA-capable device is detected');
    await expect(run.run()).rejects.toThrow(
      /vllm serve exited before it was ready \(exit code 1\)\.[\s\S]*no CUDA-capable device/,
    );
  });

  it('stops the server, SIGKILL after the grace period, when every request fails', async () => {
    const { run, recorded, modelLog } = await runJob({ mode: 'server', model: './model', max_retry_num: 0 });
    vi.stubEnv('FAKE_VLLM_UPSTREAM', `http://127.0.0.1:${await closedPort()}/v1`);
    vi.stubEnv('FAKE_VLLM_IGNORE_SIGTERM', '1');
    await expect(run.run()).rejects.toThrow(new RegExp(`${ROWS} of ${ROWS} conversations got no answer`));
    expect(alive(recorded().pid)).toBe(false);
    expect(modelLog()).toContain('(fake) ignoring SIGTERM');
    expect(existsSync(run.path('out/iter_1/rows_inference.jsonl'))).toBe(false);
  }, 30_000);
});

describe('vllm preflight', () => {
  it('fails before the first job when the model folder is missing', async () => {
    const { run, bridge } = await runJob({ mode: 'server', model: './models/missing' });
    await expect(run.run()).rejects.toThrow(/extra_configs\.model: model \.\/models\/missing cannot be loaded/);
    expect(bridge.calls.runs).toEqual([]);
  });
});

describe.skipIf(!ready)(
  ready
    ? 'vllm against the local model server (fake vllm, real model answers)'
    : `vllm against the local model server (fake vllm) (skipped: ${LOCAL_LLM_SKIP_REASON})`,
  () => {
    let server: LocalModelServer;
    beforeAll(async () => {
      server = await startLocalModelServer();
    }, 300_000);
    afterAll(async () => {
      await server?.stop();
    });
    const upstream = () => {
      vi.stubEnv('FAKE_VLLM_UPSTREAM', server.baseUrl);
      vi.stubEnv('FAKE_VLLM_UPSTREAM_MODEL', server.model);
    };

    it('server mode: starts vllm serve on a free port, waits for /health, asks the served name for every row, then stops it', async () => {
      const model = localLlmPaths().hfModelDir;
      const { run, bridge, recorded, modelLog } = await runJob({
        mode: 'server',
        model,
        tensor_parallel_size: 1,
        model_params: { max_model_len: 512, served_model_name: 'tiny' },
        concurrency: 4,
      });
      upstream();
      await run.run();

      const { argv, pid, apiKeySet } = recorded();
      expect(argv.slice(0, 4)).toEqual(['serve', model, '--host', '127.0.0.1']);
      expect(argv.slice(6)).toEqual([
        '--tensor-parallel-size',
        '1',
        '--max-model-len',
        '512',
        '--served-model-name',
        'tiny',
      ]);
      expect(apiKeySet).toBe(true);
      expect(bridge.calls.ensured[0]).toMatchObject({
        env_manager: 'uv',
        env_py_version: '3.11',
        deps: ['vllm==0.33.0'],
      });
      const rows = graded(run.path('out/iter_1/rows_inference.jsonl'));
      expect(rows).toHaveLength(ROWS);
      const scores = rows.map((r) => Number.parseFloat(String(r.grade)));
      expect(scores.filter((s) => s >= 0 && s <= 1).length).toBeGreaterThanOrEqual(ROWS - 1);
      const log = modelLog();
      expect(log).toMatch(/Starting vLLM API server 0 on http:\/\/127\.0\.0\.1:\d+/);
      expect(log).toContain('Shutting down FastAPI HTTP server.');
      expect(alive(pid)).toBe(false);
    }, 120_000);

    it('offline mode: vllm.LLM(model, tensor_parallel_size, **model_params).chat with max_tokens (fake vllm module)', async () => {
      const model = localLlmPaths().hfModelDir;
      const { run, bridge } = await runJob({
        model,
        tensor_parallel_size: 2,
        model_params: { max_model_len: 512 },
        sampling_params: { temperature: 0, max_new_tokens: 6 },
      });
      upstream();
      await run.run();

      expect(JSON.parse(readFileSync(run.path('llm-args.json'), 'utf8'))).toEqual({
        model,
        tensor_parallel_size: 2,
        kwargs: { max_model_len: 512 },
      });
      expect(bridge.calls.runs[0]!.argv).toContain('{"temperature":0,"max_tokens":6}');
      const rows = graded(run.path('out/iter_1/rows_inference.jsonl'));
      expect(rows.map((r) => r.question)).toEqual(
        QUESTIONS.trim()
          .split('\n')
          .map((l) => JSON.parse(l).question),
      );
      expect(rows.filter((r) => typeof r.grade === 'string' && r.grade !== '')).toHaveLength(ROWS);
    }, 120_000);

    it('ProbeViaModelInferHook: the data engine samples the recipe dataset, vllm answers the sample (fake vllm module)', async () => {
      const bridge = fakeVllmEnvs();
      const { extra_configs: extra } = gradingJob({ model: localLlmPaths().hfModelDir });
      const { dataset_path: _unused, ...probe } = extra;
      // The TS data engine resolves the recipe's paths against the process, so the recipe names them absolutely.
      const data = testdir({ 'rows.jsonl': QUESTIONS });
      const run = await createTestRun({
        plugins: [hooksModel, dataJuicer, plugin, bridge.plugin],
        config: {
          work_dir: './work',
          probe_job_configs: [
            {
              hook: 'ProbeViaModelInferHook',
              meta_name: 'probe',
              dj_configs: {
                dataset_path: join(data, 'rows.jsonl'),
                export_path: join(data, 'probe/res.jsonl'),
                text_keys: 'question',
                data_probe_ratio: 0.5,
              },
              extra_configs: probe,
            },
          ],
        },
      });
      upstream();
      await run.run();
      const rows = graded(run.path('out/iter_1/model_infer_probe_sample_inference.jsonl'));
      expect(rows).toHaveLength(ROWS / 2);
      expect(rows.every((r) => typeof r.grade === 'string')).toBe(true);
    }, 120_000);
  },
);
