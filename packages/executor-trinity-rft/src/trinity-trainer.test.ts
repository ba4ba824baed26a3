import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import hooksModel from '@dj-sandbox/hooks-model';
import { createTestRun, testdir } from '@dj-sandbox/test-utils';
import { describe, expect, it } from 'vitest';
import { parseMonitorLine } from './monitor-parser.ts';
import plugin from './plugin.ts';
import { fakePythonEnvsPlugin } from './test-helpers/fake-python-envs.ts';

// Trinity's monitors log `Step {step}: {data}` (trinity/utils/monitor.py) through its logger, and Ray prefixes the
// trainer actor's output with `(Trainer pid=N)`.
const TRAINER_LINES = [
  "(Trainer pid=4242) INFO 12-06 20:00:01 monitor.py:135] Step 1: {'perf/throughput': 1520.5, 'actor/pg_loss': 0.25, 'critic/score/mean': np.float64(0.5)}",
  "(Explorer pid=4243) INFO 12-06 20:00:02 monitor.py:135] Step 1: {'rollout/reward/mean': 0.4}",
  "(Trainer pid=4242) INFO 12-06 20:00:03 monitor.py:135] Step 2: {'perf/throughput': 1610.0, 'actor/pg_loss': 0.125, 'critic/score/mean': np.float64(0.75)}",
];

/** A fake `trinity` that checks its argv as `trinity run --config <file>` would be called, then logs as Trinity. */
function fakeTrinity(dir: string): string {
  return `#!/bin/sh
[ "$1" = run ] && [ "$2" = --config ] && [ -f "$3" ] || { echo "usage: trinity run --config FILE" >&2; exit 2; }
echo "$@" > "${dir}/argv.txt"
${TRAINER_LINES.map((l) => `printf '%s\\n' "${l.replace(/"/g, '\\"')}"`).join('\n')}
`;
}

describe('trinity-rft training (fake trinity on PATH; Trinity-RFT needs GPUs and was not run here)', () => {
  it('runs trinity run --config, feeds the trainer monitor lines to the tracker and returns checkpoint_root_dir', async () => {
    const dir = testdir();
    const fake = fakePythonEnvsPlugin({ trinity: fakeTrinity(dir) });
    const run = await createTestRun({
      plugins: [hooksModel, plugin, fake.plugin],
      files: { 'trinity/gsm8k.yaml': 'project: sandbox\nname: rft\ncheckpoint_root_dir: ./checkpoints/rft\n' },
      config: {
        work_dir: './work',
        execution_job_configs: [
          {
            hook: 'TrainModelHook',
            meta_name: 'rft',
            extra_configs: {
              type: 'trinity-rft',
              trinity_config_path: './trinity/gsm8k.yaml',
              trinity_home: './trinity-src',
            },
          },
        ],
      },
    });
    await run.run();

    expect(readFileSync(join(dir, 'argv.txt'), 'utf8').trim()).toBe('run --config ./trinity/gsm8k.yaml');
    const [iteration] = run.readContext() as Array<{
      pipeline_infos: Array<{ job_infos: Array<Record<string, unknown>> }>;
    }>;
    expect(iteration!.pipeline_infos[0]!.job_infos[0]).toMatchObject({ '0': './checkpoints/rft' });
    expect(fake.specs[0]).toMatchObject({ deps: './trinity-src', env_manager: 'uv' });
    const metrics = readFileSync(run.path('work/tracker/metrics.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { key: string; value: unknown; step?: number })
      .filter((m) => m.key.startsWith('perf/') || m.key.startsWith('actor/') || m.key.startsWith('rollout/'));
    expect(metrics.map((m) => [m.key, m.step, m.value])).toEqual([
      ['perf/throughput', 1, 1520.5],
      ['actor/pg_loss', 1, 0.25],
      ['perf/throughput', 2, 1610],
      ['actor/pg_loss', 2, 0.125],
    ]);
  });

  it('stops before the first job when the Trinity config does not exist', async () => {
    const fake = fakePythonEnvsPlugin({ trinity: '#!/bin/sh\nexit 0\n' });
    const run = await createTestRun({
      plugins: [hooksModel, plugin, fake.plugin],
      config: {
        execution_job_configs: [
          { hook: 'TrainModelHook', extra_configs: { type: 'trinity-rft', trinity_config_path: './missing.yaml' } },
        ],
      },
    });
    await expect(run.run()).rejects.toThrow(/trinity_config_path[\s\S]*does not exist/);
    expect(fake.calls).toEqual([]);
  });
});

describe('parseMonitorLine', () => {
  it('reads trainer records with perf/throughput, numpy scalars included, and ignores the rest', () => {
    expect(TRAINER_LINES.map(parseMonitorLine)).toEqual([
      { step: 1, metrics: { 'perf/throughput': 1520.5, 'actor/pg_loss': 0.25, 'critic/score/mean': 0.5 } },
      undefined,
      { step: 2, metrics: { 'perf/throughput': 1610, 'actor/pg_loss': 0.125, 'critic/score/mean': 0.75 } },
    ]);
  });
});
