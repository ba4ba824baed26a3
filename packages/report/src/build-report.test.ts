import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildReport } from './build-report.ts';

const fixtures = join(import.meta.dirname, '__fixtures__');
const dataPools = join(fixtures, 'data-pools-run', 'outputs', 'data-pools');
const search = join(fixtures, 'search-run', 'outputs', 'search');
const scratch = mkdtempSync(join(tmpdir(), 'report-build-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('buildReport on a real data-pools run', () => {
  it('reads the run header from run.json', async () => {
    const { summary } = await buildReport(dataPools);
    expect(summary).toMatchObject({
      projectName: 'data-pools',
      experimentName: 'single-multi-duplicate',
      status: 'finished',
      stopReason: 'max_iter_num',
      iterations: 1,
      durationMs: Date.parse('2026-11-24T22:38:45.322Z') - Date.parse('2026-11-24T22:38:42.651Z'),
    });
    expect(summary.plugins.map((p) => p.id)).toEqual([
      'hooks-data',
      'executor-data-juicer',
      'executor-datapool',
      'ops-text',
    ]);
  });

  it('lists the jobs in the order they ran, with the durations the events recorded', async () => {
    const { jobs } = await buildReport(dataPools);
    expect(jobs.map((j) => j.metaName)).toEqual([
      'analysis_ori_data',
      'construct_pools',
      'top_lang_score',
      'multi_op',
      'sample_for_training',
      'duplicate',
      'downsample',
      'merge',
    ]);
    expect(jobs.every((j) => j.status === 'done')).toBe(true);
    expect(jobs[0]).toMatchObject({
      group: 'probe_job_configs',
      hook: 'ProbeViaAnalyzerHook',
      durationMs: 1486.676724,
    });
    expect(jobs[3]!.outputs).toEqual({ filtered_path: './outputs/data-pools/iter_1/multi-op.jsonl' });
  });

  it('keeps only the tracker values of this run when an earlier run wrote to the same work dir', async () => {
    const { watched } = await buildReport(dataPools);
    // watched.jsonl holds 5 lines: one from a run at 22:30 and four from this run at 22:38.
    expect(watched.map((w) => w.metaName)).toEqual([
      'analysis_ori_data',
      'top_lang_score',
      'multi_op',
      'sample_for_training',
    ]);
    expect(watched[1]!.value).toEqual({ samples_in: 50, samples_out: 17 });
    expect(watched.every((w) => w.time >= '2026-11-24T22:38')).toBe(true);
  });

  it('finds the analysis next to the probed dataset although the work dir was moved since the run', async () => {
    const { analyses } = await buildReport(dataPools);
    expect(analyses).toHaveLength(1);
    const [analysis] = analyses;
    expect(analysis).toMatchObject({ dir: 'iter_1/analysis', phase: 'before' });
    expect(analysis!.producedBy).toEqual([
      { iteration: 1, pipeline: 'single_op_exps', metaName: 'analysis_ori_data', hook: 'ProbeViaAnalyzerHook' },
    ]);
    expect(analysis!.overall[0]).toEqual(['', 'lang', 'lang_score', 'text_len', 'alnum_ratio']);
    expect(analysis!.overall.find((r) => r[0] === 'max')).toEqual([
      'max',
      '',
      '0.9895849823951721',
      '18843.0',
      '0.8495575221238938',
    ]);
    expect(analysis!.figures.map((f) => f.name)).toEqual([
      'alnum_ratio-hist.png',
      'lang-hist.png',
      'lang_score-hist.png',
      'text_len-hist.png',
      'alnum_ratio-box.png',
      'lang_score-box.png',
      'text_len-box.png',
      'stats-corr-pearson.png',
    ]);
    expect(analysis!.figures[0]!.dataUri.startsWith('data:image/png;base64,iVBORw0KGgo')).toBe(true);
  });

  it('builds the data-pool lineage from the sidecars, relative to the config folder', async () => {
    const { lineage } = await buildReport(dataPools);
    expect(lineage.roots.sort()).toEqual([
      'outputs/data-pools/iter_1/analysed.jsonl',
      'outputs/data-pools/iter_1/for-training.json',
    ]);
    expect(lineage.nodes.filter((n) => n.operation === 'data_pool_construction')).toHaveLength(9);
    const merged = lineage.nodes.find((n) => n.operation === 'data_pool_merging')!;
    expect(merged).toMatchObject({
      id: 'outputs/data-pools/merged/iter_1/for-training_x_merged.jsonl',
      samples: 36,
      job: 'duplicate_exps › merge',
      parents: [
        'outputs/data-pools/downsampled/iter_1/for-training_x1_20.jsonl',
        'outputs/data-pools/downsampled/iter_1/for-training_x2_20.jsonl',
      ],
    });
    const probed = lineage.nodes.find((n) => n.id === 'outputs/data-pools/iter_1/analysed.jsonl')!;
    expect(probed).toMatchObject({ operation: null, job: 'single_op_exps › analysis_ori_data' });
  });

  it("lists this run's warnings and leaves out the earlier run's log", async () => {
    const { logs } = await buildReport(dataPools);
    expect(logs.map((l) => l.job)).toEqual(['analysis_ori_data', 'top_lang_score', 'multi_op', 'sample_for_training']);
    expect(logs[0]!.message).toBe('np 4 is more than the 2 available CPU(s); using 2');
  });
});

describe('buildReport on a search', () => {
  it('keeps the latest state of every trial and picks the best for the sweep direction', async () => {
    const { study } = await buildReport(search);
    expect(study).toMatchObject({ metricName: 'eval_model.accuracy', direction: 'maximize', bestIndex: 4 });
    expect(study!.trials.map((t) => [t.index, t.state, t.value])).toEqual([
      [0, 'completed', 0.712],
      [1, 'completed', 0.655],
      [2, 'completed', 0.748],
      [3, 'failed', null],
      [4, 'completed', 0.763],
      [5, 'pruned', 0.603],
    ]);
    expect(study!.trials[2]).toMatchObject({ dir: 'study/trial_2', report: null, durationMs: 35500 });
  });

  it('collects metrics tracked with a step as curves, one per key', async () => {
    const { curves, watched } = await buildReport(search);
    expect(curves.map((c) => c.key)).toEqual(['train_model.loss', 'train_model.lr']);
    expect(curves[0]!.points).toHaveLength(21);
    expect(curves[0]!.points[0]).toEqual({ step: 0, value: 2.72, series: 'iter 1 · train › train_model' });
    // Stepped values are curve points, not table rows.
    expect(watched.map((w) => w.metaName)).toEqual(['eval_model']);
  });
});

describe('buildReport on an unusual work dir', () => {
  it('gives empty sections and an unknown status for a folder with no run record', async () => {
    const model = await buildReport(scratch);
    expect(model.summary.status).toBe('unknown');
    expect([model.jobs, model.watched, model.curves, model.analyses, model.lineage.nodes, model.logs]).toEqual([
      [],
      [],
      [],
      [],
      [],
      [],
    ]);
    expect(model.study).toBeNull();
  });

  it('fails with a config error that names the missing work dir and how to fix it', async () => {
    const missing = join(scratch, 'nope');
    await expect(buildReport(missing)).rejects.toMatchObject({
      code: 'report-work-dir',
      data: { path: 'work_dir', received: missing },
    });
  });
});
