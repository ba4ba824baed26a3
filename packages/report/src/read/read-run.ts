import { join } from 'node:path';
import type { JobRecord, RunStatus, RunSummary, TargetsRecord } from '../model/report-model.ts';
import { isRecord, num, type Problems, readJsonFile, readJsonLines, str } from './read-files.ts';

/** What `run.json` and `events.jsonl` tell about a run. */
export interface RunFacts {
  summary: RunSummary;
  config: Record<string, unknown> | null;
  jobs: JobRecord[];
  targets: TargetsRecord[];
}

const STATUSES = new Set<RunStatus>(['running', 'finished', 'failed']);

// A work dir reused by a later run keeps appending to events.jsonl; only this run's events count. A second of slack
// covers the recorder writing run.json a moment after the clock was read.
function eventsOfThisRun(events: Array<Record<string, unknown>>, startedAt: string | null) {
  if (!startedAt) return events;
  const from = Date.parse(startedAt) - 1000;
  return events.filter((e) => {
    const t = Date.parse(str(e.time) ?? '');
    return Number.isNaN(t) || t >= from;
  });
}

function sameJob(job: JobRecord, e: Record<string, unknown>): boolean {
  return (
    job.iteration === num(e.iteration) &&
    job.pipeline === str(e.pipeline) &&
    job.hook === str(e.hook) &&
    job.metaName === (str(e.metaName) ?? null)
  );
}

function newJob(e: Record<string, unknown>, status: JobRecord['status']): JobRecord {
  return {
    iteration: num(e.iteration) ?? 0,
    pipeline: str(e.pipeline) ?? '?',
    group: str(e.group),
    hook: str(e.hook) ?? '?',
    metaName: str(e.metaName),
    status,
    startedAt: status === 'running' ? str(e.time) : null,
    endedAt: null,
    durationMs: null,
    outputs: {},
    error: null,
  };
}

/** Folds the event stream into one record per job, in the order jobs started. */
export function foldJobs(events: Array<Record<string, unknown>>, runOver: boolean): JobRecord[] {
  const jobs: JobRecord[] = [];
  const open = (e: Record<string, unknown>) => jobs.findLast((j) => j.status === 'running' && sameJob(j, e));
  for (const e of events) {
    switch (e.type) {
      case 'job-start':
        jobs.push(newJob(e, 'running'));
        break;
      case 'job-end':
      case 'job-fail': {
        const job = open(e) ?? jobs[jobs.push(newJob(e, 'running')) - 1]!;
        job.status = e.type === 'job-end' ? 'done' : 'failed';
        job.endedAt = str(e.time);
        job.durationMs =
          num(e.durationMs) ??
          (job.startedAt && job.endedAt ? Date.parse(job.endedAt) - Date.parse(job.startedAt) : null);
        if (isRecord(e.outputs)) job.outputs = e.outputs;
        job.error = str(e.error) ?? (isRecord(e.error) ? (str(e.error.message) ?? null) : null);
        break;
      }
      case 'job-skip':
        jobs.push({ ...newJob(e, 'skipped'), startedAt: str(e.time), endedAt: str(e.time) });
        break;
    }
  }
  if (runOver) for (const job of jobs) if (job.status === 'running') job.status = 'interrupted';
  return jobs;
}

function foldTargets(events: Array<Record<string, unknown>>): TargetsRecord[] {
  return events
    .filter((e) => e.type === 'targets')
    .map((e) => ({
      iteration: num(e.iteration) ?? 0,
      met: e.met === true,
      details: (Array.isArray(e.details) ? e.details : []).filter(isRecord).map((d) => ({
        target: str(d.target) ?? '?',
        met: d.met === true,
        value: d.value,
        ...(str(d.problem) ? { problem: str(d.problem)! } : {}),
      })),
    }));
}

function plugins(value: unknown): RunSummary['plugins'] {
  if (!Array.isArray(value)) return [];
  return value.filter(isRecord).map((p) => ({
    id: str(p.id) ?? '?',
    version: str(p.version) ?? '?',
    ...(str(p.source) ? { source: str(p.source)! } : {}),
  }));
}

/** Reads `run.json` and `events.jsonl` of a work dir; both may be missing (an older run, a run killed early). */
export function readRun(workDir: string, problems: Problems): RunFacts {
  const manifest = readJsonFile(join(workDir, 'run.json'), problems);
  const run = isRecord(manifest) ? manifest : {};
  const config = isRecord(run.config) ? run.config : null;
  const startedAt = str(run.startedAt);
  const endedAt = str(run.endedAt);
  const rawStatus = str(run.status) as RunStatus | null;
  const status: RunStatus = rawStatus && STATUSES.has(rawStatus) ? rawStatus : 'unknown';
  const events = eventsOfThisRun(readJsonLines(join(workDir, 'events.jsonl'), problems), startedAt);
  const jobs = foldJobs(events, status !== 'running');
  const runEnd = events.findLast((e) => e.type === 'run-end');
  const iterations = num(runEnd?.iterations) ?? Math.max(0, ...jobs.map((j) => j.iteration));
  return {
    config,
    jobs,
    targets: foldTargets(events),
    summary: {
      projectName: str(config?.project_name),
      experimentName: str(config?.experiment_name),
      configFile: str(run.configFile),
      status,
      stopReason: str(run.stopReason) ?? str(runEnd?.reason),
      error: str(run.error),
      startedAt,
      endedAt,
      durationMs: startedAt && endedAt ? Date.parse(endedAt) - Date.parse(startedAt) : null,
      iterations,
      plugins: plugins(run.plugins),
    },
  };
}
