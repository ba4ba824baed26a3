import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFakeInternvl, type FakeInternvl } from '../test-helpers/fake-internvl.ts';
import { fakePythonBridge } from '../test-helpers/fake-python-envs.ts';
import { runJobs } from '../test-helpers/internvl-run.ts';
import { parseCaptionMetrics } from './parse-caption-metrics.ts';

let fake: FakeInternvl;
const savedEnv = { ...process.env };

function checkpoint(name: string): string {
  const dir = join(fake.home, 'internvl_chat', 'work_dirs', name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'config.json'), '{}');
  return dir;
}

function evalJob(ckpts: unknown, extra: Record<string, unknown> = {}) {
  return {
    hook: 'EvaluateModelHook',
    meta_name: 'single_op_exps_eval',
    output: 'eval_results',
    extra_configs: {
      type: 'internvl_coco_caption',
      env_name: 'internvl',
      env_manager: 'conda',
      internvl_home: fake.home,
      num_gpus: 4,
      ckpt_paths: ckpts,
      ...extra,
    },
  };
}

describe('internvl_coco_caption evaluator (fake evaluate.sh and torchrun on PATH)', () => {
  beforeEach(() => {
    fake = createFakeInternvl(8);
    Object.assign(process.env, fake.env);
  });
  afterEach(() => {
    process.env = { ...savedEnv };
  });

  it('runs evaluate.sh caption-coco per checkpoint, relative to internvl_chat, and returns the metrics with avg_score', async () => {
    const a = checkpoint('pool_a_meta_InternVL2-1B');
    const b = checkpoint('pool_b_meta_InternVL2-1B');
    const bridge = fakePythonBridge();
    const { lookup } = await runJobs([evalJob([a, 'missing_ckpt', b])], [bridge.plugin]);
    const chat = join(fake.home, 'internvl_chat');
    expect(bridge.calls.runs.map((r) => [r.argv, r.cwd, r.env])).toEqual([
      [['bash', 'evaluate.sh', relative(chat, a), 'caption-coco', '--dynamic'], chat, { GPUS: '4' }],
      [['bash', 'evaluate.sh', relative(chat, b), 'caption-coco', '--dynamic'], chat, { GPUS: '4' }],
    ]);
    expect(fake.calls()[0]!.argv).toEqual([
      '--nnodes=1',
      '--node_rank=0',
      '--master_addr=127.0.0.1',
      '--nproc_per_node=4',
      '--master_port=63667',
      'eval/caption/evaluate_caption.py',
      '--checkpoint',
      a,
      '--datasets',
      'coco',
      '--dynamic',
    ]);
    const results = lookup('anonymous.single_op_exps_eval.eval_results') as { value: Record<string, number>[] };
    expect(results.value).toHaveLength(2);
    const first = results.value[0]!;
    expect(Object.keys(first)).toEqual([
      'Bleu_1',
      'Bleu_2',
      'Bleu_3',
      'Bleu_4',
      'METEOR',
      'ROUGE_L',
      'CIDEr',
      'avg_score',
    ]);
    const log = readFileSync(join(a, 'eval_log.txt'), 'utf8');
    expect(first.CIDEr).toBe(Number(/CIDEr: (.*)/.exec(log)![1]));
    const dims = Object.entries(first)
      .filter(([k]) => k !== 'avg_score')
      .map(([, v]) => v);
    expect(first.avg_score).toBeCloseTo(dims.reduce((x, y) => x + y) / 7, 12);
  });

  it('reads only the metrics of this run on a re-run, although eval_log.txt keeps the older ones', async () => {
    const a = checkpoint('pool_a_meta_InternVL2-1B');
    writeFileSync(join(a, 'eval_log.txt'), 'Bleu_1: 0.001\nCIDEr: 0.002\n');
    const { lookup } = await runJobs([evalJob(a)], [fakePythonBridge().plugin]);
    const result = lookup('anonymous.single_op_exps_eval.eval_results') as { value: Record<string, number> };
    expect(result.value.Bleu_1).toBeGreaterThan(0.7);
    expect(readFileSync(join(a, 'eval_log.txt'), 'utf8')).toMatch(/^Bleu_1: 0\.001\nCIDEr: 0\.002\n.*CHECKPOINT: /s);
  });

  it('fails clearly, naming the checkpoint and its log, when the evaluation printed no metric', async () => {
    const a = checkpoint('pool_a_meta_InternVL2-1B');
    process.env.FAKE_EVAL_NO_METRICS = '1';
    await expect(runJobs([evalJob(a)], [fakePythonBridge().plugin])).rejects.toThrow(
      /\[job:single_op_exps_eval\].*printed no caption metric.*No such file or directory: 'java'.*eval_log\.txt/s,
    );
  });

  it('takes the first value of each dimension and leaves out dimensions not printed', () => {
    expect(
      parseCaptionMetrics(['Bleu_1: 0.5', 'x', 'Bleu_1: 0.9', "dict_items([('CIDEr', 1.2)])", 'ROUGE_L: 0.25']),
    ).toEqual({
      Bleu_1: 0.5,
      ROUGE_L: 0.25,
    });
  });
});
