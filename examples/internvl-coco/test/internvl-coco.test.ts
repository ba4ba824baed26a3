import { execFile } from 'node:child_process';
import { cpSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { testdir } from '@dj-sandbox/test-utils';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
// The fake InternVL clone and tools of executor-internvl's own tests (fake torchrun, nvidia-smi, evaluate.sh).
import { createFakeInternvl } from '../../../packages/executor-internvl/src/test-helpers/fake-internvl.ts';

const EXAMPLE = fileURLToPath(new URL('..', import.meta.url));
const CLI = fileURLToPath(new URL('../../../packages/cli/dist/bin.js', import.meta.url));
const run = promisify(execFile);

describe('examples/internvl-coco (fake torchrun, nvidia-smi and evaluate.sh on PATH)', () => {
  it('converts, analyzes image stats, builds pools and meta files, trains, evaluates and ranks the pools', async () => {
    const dir = testdir();
    await run(process.execPath, [join(EXAMPLE, 'scripts/build-data.mjs'), join(dir, 'data')]);
    cpSync(join(EXAMPLE, 'test/fake-python-bridge.mjs'), join(dir, 'fake-python-bridge.mjs'));
    symlinkSync(join(EXAMPLE, 'node_modules'), join(dir, 'node_modules'));
    const fake = createFakeInternvl(8);
    symlinkSync(fake.home, join(dir, 'InternVL'));
    // The example as it is, plus the fake Python bridge (InternVL's CUDA environment cannot be built here).
    const config = parse(readFileSync(join(EXAMPLE, 'sandbox.yaml'), 'utf8'));
    writeFileSync(join(dir, 'sandbox.yaml'), stringify({ plugins: ['./fake-python-bridge.mjs'], ...config }));
    const bridgeCalls = join(dir, 'bridge-calls.jsonl');
    writeFileSync(bridgeCalls, '');
    await run(process.execPath, [CLI, 'run', '--config', 'sandbox.yaml'], {
      cwd: dir,
      env: { ...process.env, ...fake.env, FAKE_BRIDGE_CALLS: bridgeCalls, CI: 'true' },
    });

    const [iteration] = JSON.parse(readFileSync(join(dir, 'outputs/internvl-coco/context_infos.json'), 'utf8'));
    const jobs = Object.fromEntries(
      iteration.pipeline_infos.flatMap((p: { job_infos: Array<Record<string, unknown>> }) =>
        p.job_infos.map((j) => [j.meta_name, j]),
      ),
    );
    const lines = (path: string) => readFileSync(resolve(dir, path), 'utf8').split('\n').filter(Boolean);

    // convert: 45 captions in Data-Juicer format
    const converted = jobs.convert_to_coco_caption.output_paths as string;
    expect(converted).toBe('data/coco/iter_1/coco_karpathy_train_45_dj_fmt.jsonl');
    expect(JSON.parse(lines(converted)[0]!).text).toBe(
      '<__dj__image> A woman sitting on the beach holding hands with her dog at sunset.',
    );

    // analyze with ops-image on the TypeScript engine: stats of every image
    const analysed = lines(jobs.analysis_all_stats.dataset_with_stats_paths as string).map((l) => JSON.parse(l));
    expect(analysed).toHaveLength(45);
    expect(analysed[0].__dj__stats__).toMatchObject({
      image_width: [2048],
      image_height: [1365],
      image_sizes: [496395],
    });

    // pools: two halves of each of the four stats, and one meta file each
    const pools = jobs.construct_single_op_data_pools.single_op_data_pool_paths as string[];
    expect(pools).toHaveLength(8);
    expect(pools.map((p) => lines(p).length)).toEqual([23, 22, 23, 22, 23, 22, 23, 22]);
    const metas = jobs.generate_meta_files.single_op_data_pool_meta_paths as string[];
    expect(metas).toHaveLength(8);
    const meta = JSON.parse(readFileSync(resolve(dir, metas[0]!), 'utf8'));
    expect(Object.values(meta)[0]).toMatchObject({
      root: 'data/coco/',
      data_augment: false,
      repeat_time: 1,
      length: 23,
    });

    // train: one torchrun per pool; evaluate: one evaluate.sh caption-coco per checkpoint
    const ckpts = jobs.single_op_exps_train.single_op_exps_trained_model_paths as string[];
    expect(ckpts).toHaveLength(8);
    const torchruns = fake.calls().filter((c) => c.tool === 'torchrun');
    expect(torchruns.filter((c) => c.argv.includes('internvl/train/internvl_chat_finetune.py'))).toHaveLength(8);
    expect(torchruns.filter((c) => c.argv.includes('eval/caption/evaluate_caption.py'))).toHaveLength(8);
    const evals = jobs.single_op_exps_eval.single_op_exps_eval_results as Record<string, number>[];
    expect(evals).toHaveLength(8);
    expect(Object.keys(evals[0]!)).toContain('avg_score');
    const bridge = lines('bridge-calls.jsonl').map((l) => JSON.parse(l));
    expect(bridge.filter((c) => c.install)[0].install).toEqual([
      'flash-attn==2.3.6 --no-build-isolation',
      'datasets',
      'deepspeed==0.15.4',
    ]);

    // rank: the real caption_metrics scores each pool's captions; the top three by CIDEr
    const scores = jobs.pool_caption_metrics.pool_caption_scores as Record<string, number>[];
    expect(scores).toHaveLength(8);
    expect(Object.keys(scores[0]!)).toEqual(['Bleu_4', 'ROUGE_L', 'CIDEr', 'avg_score']);
    const byCider = pools
      .map((p, i) => [p, scores[i]!.CIDEr!] as const)
      .sort((a, b) => b[1] - a[1])
      .map(([p]) => p);
    expect(jobs.rank_pools_by_caption_metrics.top3_pools_by_captions).toEqual(byCider.slice(0, 3));
    expect(jobs.rank_pools_by_trained_models.top3_pools_by_models).toHaveLength(3);
  });
});
