import { cpSync, existsSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '@dj-sandbox/config';
import { checkConfig, PluginRegistry, runSandbox } from '@dj-sandbox/core';
import qualityClassifier from '@dj-sandbox/evaluator-quality-classifier';
import dataEngine from '@dj-sandbox/executor-data-juicer';
import hooksData from '@dj-sandbox/hooks-data';
import hooksModel from '@dj-sandbox/hooks-model';
import opsText from '@dj-sandbox/ops-text';
import { testdir } from '@dj-sandbox/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import plugin from '../plugin.ts';

// The reference demo's configs as its users have them (configs/demo/...), unchanged.
const DEMO = fileURLToPath(new URL('../__fixtures__/configs', import.meta.url));

async function demo() {
  const cwd = testdir();
  cpSync(DEMO, join(cwd, 'configs'), { recursive: true });
  const registry = new PluginRegistry();
  for (const p of [hooksData, hooksModel, dataEngine, opsText, qualityClassifier, plugin]) await registry.add(p);
  const loaded = await loadConfig({ configFile: 'configs/demo/sandbox.yaml', cwd, env: {} });
  expect(loaded.errors).toEqual([]);
  return { cwd, registry, config: loaded.config! };
}

function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('the reference demo (configs/demo/sandbox.yaml, type: modelscope)', () => {
  it('validates unchanged with the plugins installed', async () => {
    const { cwd, registry, config } = await demo();
    expect(checkConfig(config, registry, cwd).errors).toEqual([]);
  });

  it('fails before the first job, with what to do, where the model cannot be downloaded', async () => {
    vi.stubEnv('MODELSCOPE_CACHE', testdir());
    vi.stubEnv('MODELSCOPE_DOMAIN', `http://127.0.0.1:${await closedPort()}`);
    const { cwd, registry, config } = await demo();
    const events: string[] = [];
    await expect(runSandbox({ config, registry, cwd, onEvent: (e) => events.push(e.type) })).rejects.toThrow(
      /execution_job_configs\[1\]\.extra_configs\.model_name: model iic\/nlp_gpt3_text-generation_chinese-base cannot be downloaded[\s\S]*modelscope download --model/,
    );
    expect(events.filter((e) => e.startsWith('job'))).toEqual([]);
    expect(existsSync(join(cwd, 'outputs/demo-sandbox/context_infos.json'))).toBe(false);
  });
});
