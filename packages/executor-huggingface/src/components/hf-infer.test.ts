import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import envManager from '@dj-sandbox/env-manager';
import hooksModel from '@dj-sandbox/hooks-model';
import { createTestRun, testdir } from '@dj-sandbox/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readHfConfig } from '../config/hf-config.ts';
import plugin from '../plugin.ts';

function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const job = (meta_name: string, model: string) => ({
  hook: 'InferModelHook',
  meta_name,
  extra_configs: {
    type: 'huggingface',
    model,
    build_messages_func: 'build_messages',
    dataset_path: 'rows.jsonl',
    export_path: './out',
  },
});

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('huggingface config', () => {
  it('keeps the reference defaults and pins torch as the Data-Juicer env does', () => {
    const config = readHfConfig({ type: 'huggingface', model: 'org/m', export_path: './out' });
    expect(config).toMatchObject({
      model_params: {},
      sampling_params: {},
      build_messages_func: 'build_input',
      parse_output_func: 'parse_output',
      infer_res_key: 'response',
      env_deps: ['torch==2.15.0', 'transformers==5.25.0'],
    });
  });

  it('names the key of a bad value', () => {
    expect(() => readHfConfig({ type: 'huggingface', export_path: './out' })).toThrow(/model/);
    expect(() => readHfConfig({ type: 'huggingface', model: 'm', export_path: './o', env_manager: 'pip' })).toThrow(
      /env_manager/,
    );
  });
});

describe('huggingface preflight', () => {
  it('fails before the first job when the model folder is missing, and runs nothing', async () => {
    const run = await createTestRun({
      plugins: [hooksModel, plugin, envManager],
      files: { 'rows.jsonl': '{"query":"hi"}\n' },
      config: { work_dir: './work', execution_job_configs: [job('infer', './models/tiny')] },
    });
    await expect(run.run()).rejects.toThrow(
      /execution_job_configs\[0\]\.extra_configs\.model: model \.\/models\/tiny cannot be loaded: .*models\/tiny does not exist/,
    );
  });

  it('fails before the first job when a hub model is neither cached nor downloadable', async () => {
    vi.stubEnv('HF_HUB_CACHE', testdir());
    vi.stubEnv('HF_ENDPOINT', `http://127.0.0.1:${await closedPort()}`);
    const run = await createTestRun({
      plugins: [hooksModel, plugin, envManager],
      files: { 'rows.jsonl': '{"query":"hi"}\n' },
      config: { work_dir: './work', execution_job_configs: [job('infer', 'Qwen/Qwen2.5-0.5B-Instruct')] },
    });
    await expect(run.run()).rejects.toThrow(/cannot be loaded: the hub cannot be reached \(ECONNREFUSED\)/);
  });

  it('reports the build_input default the reference never registered', async () => {
    const run = await createTestRun({
      plugins: [hooksModel, plugin, envManager],
      files: { 'rows.jsonl': '{"query":"hi"}\n', 'm/config.json': {} },
      config: {
        work_dir: './work',
        execution_job_configs: [
          { ...job('infer', './m'), extra_configs: { type: 'huggingface', model: './m', export_path: './o' } },
        ],
      },
    });
    await expect(run.run()).rejects.toThrow(/build_messages_func names no known helper/);
  });
});
