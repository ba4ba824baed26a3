import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { configError } from '@dj-sandbox/core';
import type { ReportModel } from './model/report-model.ts';
import { findAnalyses } from './read/find-analyses.ts';
import { pathBase } from './read/path-base.ts';
import type { Problems } from './read/read-files.ts';
import { readLineage } from './read/read-lineage.ts';
import { readLogs } from './read/read-logs.ts';
import { readRun } from './read/read-run.ts';
import { readStudy } from './read/read-study.ts';
import { readTracker } from './read/read-tracker.ts';

/**
 * Reads everything a run left in its work dir into the report's model: the run record, jobs and timings, tracked
 * metrics and curves, analyzer folders, data-pool lineage, a search's trials and the log's warnings. Missing
 * pieces give empty sections; unreadable files are listed in `problems`.
 *
 * @example
 * const model = await buildReport('./outputs/demo');
 * model.summary.status; // 'finished'
 */
export async function buildReport(workDir: string): Promise<ReportModel> {
  const dir = resolve(workDir);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw configError('report-work-dir', `the work dir ${workDir} does not exist.`, {
      path: 'work_dir',
      expected: 'the work_dir of a run (a folder with run.json, events.jsonl or context_infos.json)',
      received: workDir,
      fix: 'Pass the work_dir the run wrote to, e.g. dj-sandbox report ./outputs/demo.',
    });
  }
  const problems: Problems = [];
  const run = readRun(dir, problems);
  const paths = pathBase(
    dir,
    run.summary.configFile,
    typeof run.config?.work_dir === 'string' ? run.config.work_dir : null,
  );
  // With resume, the values restored from the earlier attempt belong to this run too.
  const since = run.config?.resume === true ? null : run.summary.startedAt;
  const tracker = readTracker(dir, since, problems);
  return {
    workDir: dir,
    generatedAt: new Date().toISOString(),
    summary: run.summary,
    config: run.config,
    jobs: run.jobs,
    targets: run.targets,
    watched: tracker.watched,
    curves: tracker.curves,
    analyses: findAnalyses(dir, run.jobs, run.config, paths, problems),
    lineage: readLineage(dir, run.jobs, run.config, paths, problems),
    study: readStudy(dir, problems),
    logs: readLogs(dir, since, problems),
    problems,
  };
}
