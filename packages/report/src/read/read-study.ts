import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { StudyRecord, TrialRecord } from '../model/report-model.ts';
import { isRecord, num, type Problems, readJsonFile, readJsonLines, str } from './read-files.ts';

function direction(sweep: Record<string, unknown>): StudyRecord['direction'] {
  const metric = isRecord(sweep.metric) ? sweep.metric : {};
  const raw = str(metric.goal) ?? str(metric.mode) ?? str(metric.direction) ?? str(sweep.direction) ?? str(sweep.mode);
  if (!raw) return null;
  if (/^max/i.test(raw)) return 'maximize';
  if (/^min/i.test(raw)) return 'minimize';
  return null;
}

function metricName(sweep: Record<string, unknown>): string | null {
  if (isRecord(sweep.metric)) return str(sweep.metric.name);
  return str(sweep.metric);
}

/** The best finished trial for the direction (maximize when the sweep does not say). */
export function bestTrial(trials: TrialRecord[], dir: StudyRecord['direction']): number | null {
  let best: TrialRecord | null = null;
  for (const t of trials) {
    if (t.value === null || !/^(complete|completed|done|finished|succeeded)$/i.test(t.state)) continue;
    if (!best || (dir === 'minimize' ? t.value < best.value! : t.value > best.value!)) best = t;
  }
  return best ? best.index : null;
}

/**
 * Reads a search's `study/` folder: `sweep.json` and `trials.jsonl`, where every trial state change is one line
 * and the last line of a trial holds its latest state. `null` when the work dir has no study.
 */
export function readStudy(workDir: string, problems: Problems): StudyRecord | null {
  const dir = join(workDir, 'study');
  if (!existsSync(dir)) return null;
  const rawSweep = readJsonFile(join(dir, 'sweep.json'), problems);
  const sweep = isRecord(rawSweep) ? rawSweep : {};
  const latest = new Map<number, TrialRecord>();
  for (const line of readJsonLines(join(dir, 'trials.jsonl'), problems)) {
    const index = num(line.index);
    if (index === null) continue;
    const prior = latest.get(index);
    const startedAt = str(line.startedAt) ?? prior?.startedAt ?? null;
    const endedAt = str(line.endedAt) ?? null;
    const trialDir = join(dir, `trial_${index}`);
    const report = join(trialDir, 'report.html');
    latest.set(index, {
      index,
      state: str(line.state) ?? prior?.state ?? 'unknown',
      params: isRecord(line.params) ? line.params : (prior?.params ?? {}),
      metrics: isRecord(line.metrics) ? line.metrics : (prior?.metrics ?? {}),
      value: num(line.value) ?? prior?.value ?? null,
      startedAt,
      endedAt,
      durationMs: startedAt && endedAt ? Date.parse(endedAt) - Date.parse(startedAt) : null,
      dir: existsSync(trialDir) ? `study/trial_${index}` : null,
      report: existsSync(report) ? `study/trial_${index}/report.html` : null,
    });
  }
  const trials = [...latest.values()].sort((a, b) => a.index - b.index);
  const dirn = direction(sweep);
  return { sweep, metricName: metricName(sweep), direction: dirn, trials, bestIndex: bestTrial(trials, dirn) };
}
