import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFakeInternvl, type FakeInternvl } from '../test-helpers/fake-internvl.ts';
import { fakePythonBridge } from '../test-helpers/fake-python-envs.ts';
import { runJobs } from '../test-helpers/internvl-run.ts';

const meta = (name: string, length: number) =>
  JSON.stringify({
    [name]: { root: 'data/coco/', annotation: `data/coco/${name}.jsonl`, data_augment: false, repeat_time: 1, length },
  });

let fake: FakeInternvl;
const savedEnv = { ...process.env };

function trainJob(extra: Record<string, unknown> = {}) {
  return {
    hook: 'TrainModelHook',
    meta_name: 'single_op_exps_train',
    output: 'trained_model_paths',
    extra_configs: {
      type: 'internvl_coco_caption',
      env_name: 'internvl',
      env_manager: 'conda',
      env_params: { env_py_version: 3.9 },
      internvl_home: fake.home,
      num_gpus: 8,
      batch_size_per_device: 4,
      work_dir: 'work_dirs',
      model_name_or_path: 'pretrained/InternVL2-1B',
      conv_style_or_scale: '1B',
      meta_paths: ['metas/pool_a_meta.json', 'metas/pool_b_meta.json'],
      script_dir: 'scripts/',
      ...extra,
    },
  };
}

const metaFiles = { 'metas/pool_a_meta.json': meta('pool_a', 1200), 'metas/pool_b_meta.json': meta('pool_b', 300) };

describe('internvl_coco_caption trainer (fake torchrun and nvidia-smi on PATH)', () => {
  beforeEach(() => {
    fake = createFakeInternvl(8);
    Object.assign(process.env, fake.env);
  });
  afterEach(() => {
    process.env = { ...savedEnv };
  });

  it('writes one script per meta path, runs InternVL fine-tuning with the reference torchrun arguments and returns the output dirs', async () => {
    const bridge = fakePythonBridge();
    const { run, lookup } = await runJobs([trainJob()], [bridge.plugin], metaFiles);
    const workDirs = run.path('work_dirs');
    expect(lookup('anonymous.single_op_exps_train.trained_model_paths')).toEqual({
      found: true,
      value: [join(workDirs, 'pool_a_meta_InternVL2-1B'), join(workDirs, 'pool_b_meta_InternVL2-1B')],
    });
    const torchrun = fake.calls().filter((c) => c.tool === 'torchrun');
    expect(torchrun).toHaveLength(2);
    expect(torchrun[0]!.cwd).toBe(join(fake.home, 'internvl_chat'));
    expect(torchrun[0]!.argv).toEqual([
      '--nnodes=1',
      '--node_rank=0',
      '--master_addr=127.0.0.1',
      '--nproc_per_node=8',
      '--master_port=34229',
      'internvl/train/internvl_chat_finetune.py',
      '--model_name_or_path',
      run.path('pretrained/InternVL2-1B'),
      '--conv_style',
      'Hermes-2',
      '--output_dir',
      join(workDirs, 'pool_a_meta_InternVL2-1B'),
      '--meta_path',
      run.path('metas/pool_a_meta.json'),
      '--overwrite_output_dir',
      'True',
      '--force_image_size',
      '448',
      '--max_dynamic_patch',
      '6',
      '--down_sample_ratio',
      '0.5',
      '--drop_path_rate',
      '0.0',
      '--freeze_llm',
      'True',
      '--freeze_mlp',
      'True',
      '--freeze_backbone',
      'True',
      '--use_llm_lora',
      '128',
      '--vision_select_layer',
      '-1',
      '--dataloader_num_workers',
      '4',
      '--bf16',
      'True',
      '--num_train_epochs',
      '1',
      '--per_device_train_batch_size',
      '4',
      '--gradient_accumulation_steps',
      '16',
      '--evaluation_strategy',
      'no',
      '--save_strategy',
      'steps',
      '--save_steps',
      '200',
      '--save_total_limit',
      '1',
      '--learning_rate',
      '4e-5',
      '--weight_decay',
      '0.01',
      '--warmup_ratio',
      '0.03',
      '--lr_scheduler_type',
      'cosine',
      '--logging_steps',
      '1',
      '--max_seq_length',
      '4096',
      '--do_train',
      'True',
      '--grad_checkpoint',
      'True',
      '--group_by_length',
      'True',
      '--dynamic_image_size',
      'True',
      '--use_thumbnail',
      'True',
      '--ps_version',
      'v2',
      '--deepspeed',
      'zero_stage1_config.json',
      '--report_to',
      'tensorboard',
    ]);
    expect(readdirSync(run.path('scripts')).sort()).toEqual([
      'pool_a_meta_InternVL2-1B.sh',
      'pool_b_meta_InternVL2-1B.sh',
    ]);
    // the script tees the output into the run's training_log.txt, as InternVL's shell scripts do
    expect(readFileSync(join(workDirs, 'pool_a_meta_InternVL2-1B', 'training_log.txt'), 'utf8')).toContain(
      "{'loss': 2.0000",
    );
  });

  it("creates InternVL's env with the reference's keys and installs flash-attn's flag with it, as one spec the bridge splits", async () => {
    const bridge = fakePythonBridge();
    await runJobs([trainJob()], [bridge.plugin], metaFiles);
    expect(bridge.calls.ensured).toEqual([
      {
        env_name: 'internvl',
        env_manager: 'conda',
        env_params: { env_py_version: 3.9 },
        env_config_path: null,
        env_py_version: '3.9',
        deps: join(fake.home, 'requirements.txt'),
      },
    ]);
    expect(bridge.calls.installed).toEqual([
      ['flash-attn==2.3.6 --no-build-isolation', 'datasets', 'deepspeed==0.15.4'],
    ]);
    expect(bridge.calls.runs.map((r) => r.argv[0])).toEqual(['bash', 'bash']);
  });

  it('streams the loss lines into the tracker live under the run name, and the output into the model log', async () => {
    const bridge = fakePythonBridge();
    const { run } = await runJobs([trainJob()], [bridge.plugin], metaFiles);
    const watched = readFileSync(run.path('outputs/tracker/watched.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { metaName: string; value: unknown; step?: number });
    const points = watched.filter((w) => w.metaName.endsWith('_InternVL2-1B'));
    expect(points.map((p) => [p.metaName, (p.value as { loss: number }).loss, p.step])).toEqual([
      ['pool_a_meta_InternVL2-1B', 2, 1],
      ['pool_a_meta_InternVL2-1B', 1.9, 2],
      ['pool_a_meta_InternVL2-1B', 1.8, 3],
      ['pool_b_meta_InternVL2-1B', 2, 4],
    ]);
    expect(Object.keys(points[0]!.value as object)).toEqual(['loss', 'lr', 'epoch']);
    const logs = readdirSync(run.path('outputs')).filter((f) => /^model_exe_train_\d{14}\.log$/.test(f));
    expect(logs).toHaveLength(1);
    expect(readFileSync(run.path(`outputs/${logs[0]}`), 'utf8')).toContain('Add dataset:pool_b_0 with length: 300');
  });

  it('clamps num_gpus to the GPUs there are, with a warning, and fails clearly without any GPU', async () => {
    fake = createFakeInternvl(2);
    Object.assign(process.env, fake.env);
    await runJobs([trainJob({ num_gpus: 8 })], [fakePythonBridge().plugin], metaFiles);
    expect(fake.calls()[0]!.argv).toContain('--nproc_per_node=2');
    fake = createFakeInternvl(0);
    Object.assign(process.env, fake.env);
    const bridge = fakePythonBridge();
    await expect(runJobs([trainJob({ num_gpus: undefined })], [bridge.plugin], metaFiles)).rejects.toThrow(
      /\[plugin:executor-internvl\] \[job:single_op_exps_train\].*No available GPUs/s,
    );
    expect(bridge.calls.ensured).toHaveLength(0);
  });

  it('rejects batch sizes that do not divide the total batch of 512 and unknown conv styles', async () => {
    await expect(
      runJobs([trainJob({ batch_size_per_device: 3 })], [fakePythonBridge().plugin], metaFiles),
    ).rejects.toThrow(/should divide 512.*8 \* 3 = 24/s);
    await expect(
      runJobs([trainJob({ batch_size_per_device: 0 })], [fakePythonBridge().plugin], metaFiles),
    ).rejects.toThrow(/batch_size_per_device should be greater than 0/);
    await expect(
      runJobs([trainJob({ conv_style_or_scale: '3B' })], [fakePythonBridge().plugin], metaFiles),
    ).rejects.toThrow(/conv_style_or_scale \[3B\] is not supported.*1B, 2B, 4B/s);
  });

  it('accepts a conv style as it is, and names a missing internvl_home, and a placeholder left in it before anything runs', async () => {
    await runJobs(
      [trainJob({ conv_style_or_scale: 'phi3-chat', meta_paths: 'metas/pool_b_meta.json' })],
      [fakePythonBridge().plugin],
      metaFiles,
    );
    expect(fake.calls()[0]!.argv).toContain('phi3-chat');
    await expect(
      runJobs([trainJob({ internvl_home: undefined })], [fakePythonBridge().plugin], metaFiles),
    ).rejects.toThrow(/Please specify the `internvl_home` in the config/);
    await expect(
      runJobs([trainJob({ internvl_home: '<internvl_home>' })], [fakePythonBridge().plugin], metaFiles),
    ).rejects.toThrow(/1 value\(s\) still hold the placeholder <internvl_home>.*Replace every "<internvl_home>"/s);
  });

  it('fails the job when training fails (pipefail), instead of returning dirs without a model', async () => {
    const bridge = fakePythonBridge();
    await expect(
      runJobs([trainJob({ meta_paths: 'metas/broken_meta.json' })], [bridge.plugin], {
        'metas/broken_meta.json': 'not json',
      }),
    ).rejects.toThrow(/command failed with exit code 1: bash .*broken_meta_InternVL2-1B\.sh/);
    expect(existsSync(join(fake.home, 'internvl_chat', 'results'))).toBe(false);
  });
});
