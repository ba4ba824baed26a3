import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { configError, deepEqual } from '@dj-sandbox/core';
import type { TrialRecord } from './trial-record.ts';

/** What `study.json` holds: a summary rewritten (atomically) after every trial state change. */
export interface StudySummary {
  method: string;
  metric: { name: string; goal: string; target?: number };
  counts: Record<string, number>;
  best: Pick<TrialRecord, 'index' | 'value' | 'params' | 'workDir'> | null;
  /** Null while the search runs. */
  stopReason: string | null;
  updatedAt: string;
}

function writeAtomic(file: string, text: string): void {
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}

/**
 * A study on disk, `<work_dir>/study/`: `sweep.json` (the sweep it searches, written once), `trials.jsonl` (one
 * line per trial state change, only ever appended) and `study.json` (a summary). A killed search loses at most the
 * line being written; {@link StudyStore.load} skips a line cut short.
 */
export class StudyStore {
  readonly dir: string;
  readonly sweepFile: string;
  readonly trialsFile: string;
  readonly summaryFile: string;

  constructor(workDir: string) {
    this.dir = join(workDir, 'study');
    this.sweepFile = join(this.dir, 'sweep.json');
    this.trialsFile = join(this.dir, 'trials.jsonl');
    this.summaryFile = join(this.dir, 'study.json');
  }

  /** True when a study was started here before. */
  exists(): boolean {
    return existsSync(this.sweepFile);
  }

  /** Starts a fresh study: removes an earlier one (its files only) and writes `sweep.json`. */
  start(sweep: Record<string, unknown>): void {
    rmSync(this.dir, { recursive: true, force: true });
    mkdirSync(this.dir, { recursive: true });
    writeAtomic(this.sweepFile, `${JSON.stringify(sweep, null, 2)}\n`);
    writeFileSync(this.trialsFile, '');
  }

  /**
   * Reopens a study to resume it. The stored sweep must equal `sweep`: resuming a different search would feed the
   * sampler observations from another space.
   */
  reopen(sweep: Record<string, unknown>): TrialRecord[] {
    const stored = JSON.parse(readFileSync(this.sweepFile, 'utf8')) as unknown;
    if (!deepEqual(stored, JSON.parse(JSON.stringify(sweep)))) {
      throw configError('study-sweep-changed', 'cannot resume: the sweep differs from the one this study searched.', {
        path: 'hpo_config',
        expected: `the sweep stored in ${this.sweepFile}`,
        received: sweep,
        fix: 'Restore the sweep, or run without resume (the study starts over), or use another work_dir.',
      });
    }
    const text = existsSync(this.trialsFile) ? readFileSync(this.trialsFile, 'utf8') : '';
    // A crash mid-line would glue the next record onto the broken one: end that line first.
    if (text.length > 0 && !text.endsWith('\n')) appendFileSync(this.trialsFile, '\n');
    return this.load();
  }

  /** The latest record of every trial, by index order. */
  load(): TrialRecord[] {
    if (!existsSync(this.trialsFile)) return [];
    const latest = new Map<number, TrialRecord>();
    for (const line of readFileSync(this.trialsFile, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      try {
        const record = JSON.parse(line) as TrialRecord;
        latest.set(record.index, record);
      } catch {
        // a line cut short by a crash: every line before it is intact
      }
    }
    return [...latest.values()].sort((a, b) => a.index - b.index);
  }

  /** Appends one state change. */
  append(record: TrialRecord): void {
    appendFileSync(this.trialsFile, `${JSON.stringify(record)}\n`);
  }

  /** Rewrites the summary. */
  summarize(summary: StudySummary): void {
    writeAtomic(this.summaryFile, `${JSON.stringify(summary, null, 2)}\n`);
  }
}
