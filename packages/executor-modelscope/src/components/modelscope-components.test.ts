import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { join } from 'node:path';
import hooksModel from '@dj-sandbox/hooks-model';
import { createTestRun, testdir } from '@dj-sandbox/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import plugin from '../plugin.ts';
import { fakePythonEnvsPlugin } from '../test-helpers/fake-python-envs.ts';
import { parseLoss } from './loss-parser.ts';

// Lines in the format of ModelScope's TextLoggerHook (modelscope/trainers/hooks/logger/text_logger_hook.py), under
// ModelScope's logger format `%(asctime)s - %(name)s - %(levelname)s - %(message)s`.
const TRAINER_LOG = [
  '2026-12-06 20:00:01,001 - modelscope - INFO - Text logs will be saved to ./outputs/sandbox-train/',
  '2026-12-06 20:00:02,002 - modelscope - INFO - epoch [1][1/2]\tlr: 3.000e-04, eta: 0:00:03, iter_time: 0.512, data_load_time: 0.010, loss: 3.2500',
  '2026-12-06 20:00:03,003 - modelscope - INFO - epoch [1][2/2]\tlr: 3.000e-04, eta: 0:00:02, iter_time: 0.498, data_load_time: 0.009, loss: 2.7500',
  '2026-12-06 20:00:04,004 - modelscope - INFO - epoch [2][1/2]\tlr: 3.000e-05, eta: 0:00:01, iter_time: 0.501, data_load_time: 0.009, loss: 2.1250',
];

/** A fake `python` that checks it was asked to run the train script with a config file, then logs as ModelScope. */
function fakePython(dir: string): string {
  return `#!/bin/sh
case "$1" in */modelscope_train.py) ;; *) echo "unexpected script $1" >&2; exit 3 ;; esac
cp "$2" "${dir}/received-config.json"
${TRAINER_LOG.map((l) => `printf '%s\\n' '${l.replace(/\t/g, '\'"\\t"\'')}' >&2`).join('\n')}
`;
}

const TRAIN = {
  type: 'modelscope',
  model_name: './local-gpt3',
  trainer_name: 'nlp-base-trainer',
  work_dir: './outputs/sandbox-train/',
  train_dataset: './train.jsonl',
  key_remapping: { text: 'src_txt' },
  train: { max_epochs: 2, optimizer: { type: 'AdamW', lr: 3e-4 } },
};

/** A port on 127.0.0.1 that nothing listens on (taken, then released). */
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

describe('modelscope training (fake python on PATH; ModelScope itself is not run here)', () => {
  it('runs the train script with the whole config, streams every loss line into the tracker and returns work_dir', async () => {
    const dir = testdir();
    const fake = fakePythonEnvsPlugin({ python: fakePython(dir) });
    const run = await createTestRun({
      plugins: [hooksModel, plugin, fake.plugin],
      files: { 'local-gpt3/configuration.json': { framework: 'pytorch' }, 'train.jsonl': '{"text":"x"}\n' },
      config: {
        work_dir: './work',
        execution_job_configs: [{ hook: 'TrainModelHook', meta_name: 'train_model', extra_configs: TRAIN }],
      },
    });
    await run.run();

    const [iteration] = run.readContext() as Array<{
      pipeline_infos: Array<{ job_infos: Array<Record<string, unknown>> }>;
    }>;
    expect(iteration!.pipeline_infos[0]!.job_infos[0]).toMatchObject({
      meta_name: 'train_model',
      '0': './outputs/sandbox-train/',
    });
    expect(JSON.parse(readFileSync(join(dir, 'received-config.json'), 'utf8'))).toEqual(TRAIN);
    expect(fake.specs[0]).toMatchObject({ env_manager: 'uv', deps: ['modelscope[nlp]', 'torch', 'datasets'] });
    const logs = readdirSync(run.path('work')).filter((f) => /^model_exe_modelscope_\d{14}\.log$/.test(f));
    expect(logs).toHaveLength(1);
    expect(readFileSync(join(run.path('work'), logs[0]!), 'utf8')).toContain('loss: 2.7500');
    const tracked = readFileSync(run.path('work/tracker/metrics.jsonl'), 'utf8');
    expect(tracked).toContain('"loss"');
  });

  it('fails before the first job, naming the model and the hub, when the model cannot be downloaded', async () => {
    const cache = testdir();
    vi.stubEnv('MODELSCOPE_CACHE', cache);
    vi.stubEnv('MODELSCOPE_DOMAIN', `http://127.0.0.1:${await closedPort()}`);
    const dir = testdir();
    const fake = fakePythonEnvsPlugin({ python: fakePython(dir) });
    const run = await createTestRun({
      plugins: [hooksModel, plugin, fake.plugin],
      files: { 'local-gpt3/configuration.json': {}, 'train.jsonl': '{"text":"x"}\n' },
      config: {
        work_dir: './work',
        execution_job_configs: [
          { hook: 'TrainModelHook', meta_name: 'first', extra_configs: TRAIN },
          {
            hook: 'TrainModelHook',
            meta_name: 'from_hub',
            extra_configs: { ...TRAIN, model_name: 'iic/nlp_gpt3_text-generation_chinese-base' },
          },
        ],
      },
    });
    await expect(run.run()).rejects.toThrow(
      /execution_job_configs\[1\]\.extra_configs\.model_name: model iic\/nlp_gpt3_text-generation_chinese-base cannot be downloaded: the hub cannot be reached \(ECONNREFUSED\)/,
    );
    expect(fake.calls).toEqual([]);
    expect(existsSync(run.path('work/context_infos.json'))).toBe(false);
  });
});

describe('parseLoss', () => {
  it('reads the loss of a TextLoggerHook line and ignores lines without one', () => {
    expect(TRAINER_LOG.map(parseLoss)).toEqual([undefined, 3.25, 2.75, 2.125]);
  });
});
