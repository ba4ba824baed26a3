import { join } from 'node:path';
import type { Curve, WatchedValue } from '../model/report-model.ts';
import { byCodePoint } from './compare.ts';
import { num, type Problems, readJsonLines, str } from './read-files.ts';

/** The tracker's records worth showing: whole watched values (tables) and stepped metrics (curves). */
export interface TrackerFacts {
  watched: WatchedValue[];
  curves: Curve[];
}

function seriesName(r: Record<string, unknown>): string {
  const job = str(r.job);
  return `iter ${num(r.iteration) ?? '?'} · ${str(r.pipeline) ?? '?'}${job ? ` › ${job}` : ''}`;
}

/**
 * Keeps this run's records: the file tracker appends across runs of one work dir, so records older than the run
 * are dropped, except on `resume`, where the restored values are this run's too.
 */
function ofThisRun(records: Array<Record<string, unknown>>, since: string | null): Array<Record<string, unknown>> {
  if (!since) return records;
  const from = Date.parse(since) - 1000;
  return records.filter((r) => {
    const t = Date.parse(str(r.time) ?? '');
    return Number.isNaN(t) || t >= from;
  });
}

/** Groups stepped numeric metrics by key; a later value for the same series and step replaces an earlier one. */
export function curvesOf(metrics: Array<Record<string, unknown>>): Curve[] {
  const byKey = new Map<string, Map<string, { step: number; value: number; series: string }>>();
  for (const m of metrics) {
    const step = num(m.step);
    const value = num(m.value);
    const key = str(m.key);
    if (step === null || value === null || key === null) continue;
    const series = seriesName(m);
    let points = byKey.get(key);
    if (!points) {
      points = new Map();
      byKey.set(key, points);
    }
    points.set(`${series}\u0000${step}`, { step, value, series });
  }
  return [...byKey].map(([key, points]) => ({
    key,
    points: [...points.values()].sort((a, b) => byCodePoint(a.series, b.series) || a.step - b.step),
  }));
}

/**
 * Whole watched values without a step, the latest per (iteration, pipeline, job, name). Values watched with a
 * step are curve points and are shown as curves instead.
 */
export function watchedOf(lines: Array<Record<string, unknown>>): WatchedValue[] {
  const latest = new Map<string, WatchedValue>();
  for (const l of lines) {
    if (num(l.step) !== null) continue;
    const metaName = str(l.metaName) ?? '';
    const entry: WatchedValue = {
      metaName,
      iteration: num(l.iteration) ?? 0,
      pipeline: str(l.pipeline) ?? '?',
      job: str(l.job),
      time: str(l.time) ?? '',
      value: l.value,
    };
    const id = JSON.stringify([entry.iteration, entry.pipeline, entry.job, metaName]);
    latest.delete(id);
    latest.set(id, entry);
  }
  return [...latest.values()];
}

/** Reads `tracker/watched.jsonl` and `tracker/metrics.jsonl`. */
export function readTracker(workDir: string, since: string | null, problems: Problems): TrackerFacts {
  const dir = join(workDir, 'tracker');
  const watched = ofThisRun(readJsonLines(join(dir, 'watched.jsonl'), problems), since);
  const metrics = ofThisRun(readJsonLines(join(dir, 'metrics.jsonl'), problems), since);
  return { watched: watchedOf(watched), curves: curvesOf(metrics) };
}
