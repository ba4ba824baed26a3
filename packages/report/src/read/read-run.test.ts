import { describe, expect, it } from 'vitest';
import { foldJobs } from './read-run.ts';

const at = (s: number) => new Date(Date.parse('2026-01-01T00:00:00Z') + s * 1000).toISOString();
const job = { iteration: 1, pipeline: 'p', hook: 'ProcessDataHook' };

describe('foldJobs', () => {
  it('pairs each start with its end, fail or nothing, and marks unfinished jobs of a finished run interrupted', () => {
    const jobs = foldJobs(
      [
        { time: at(0), type: 'job-skip', ...job, metaName: 'probe' },
        { time: at(1), type: 'job-start', ...job, metaName: 'a', group: 'execution_job_configs' },
        { time: at(3), type: 'job-end', ...job, metaName: 'a', durationMs: 2000, outputs: { out: 'x.jsonl' } },
        { time: at(3), type: 'job-start', ...job, metaName: 'b' },
        { time: at(4), type: 'job-fail', ...job, metaName: 'b', error: 'bad recipe' },
        { time: at(4), type: 'job-start', ...job, metaName: 'c' },
      ],
      true,
    );
    expect(jobs.map((j) => [j.metaName, j.status, j.durationMs, j.error])).toEqual([
      ['probe', 'skipped', null, null],
      ['a', 'done', 2000, null],
      ['b', 'failed', 1000, 'bad recipe'],
      ['c', 'interrupted', null, null],
    ]);
    expect(jobs[1]!.outputs).toEqual({ out: 'x.jsonl' });
  });

  it('keeps a job running while the run itself is still running', () => {
    const jobs = foldJobs([{ time: at(0), type: 'job-start', ...job, metaName: 'a' }], false);
    expect(jobs[0]!.status).toBe('running');
  });

  it('tells two runs of the same job in different iterations apart', () => {
    const jobs = foldJobs(
      [
        { time: at(0), type: 'job-start', ...job, metaName: 'a' },
        { time: at(1), type: 'job-end', ...job, metaName: 'a', durationMs: 1000 },
        { time: at(1), type: 'job-start', ...job, iteration: 2, metaName: 'a' },
        { time: at(4), type: 'job-end', ...job, iteration: 2, metaName: 'a', durationMs: 3000 },
      ],
      true,
    );
    expect(jobs.map((j) => [j.iteration, j.durationMs])).toEqual([
      [1, 1000],
      [2, 3000],
    ]);
  });
});
