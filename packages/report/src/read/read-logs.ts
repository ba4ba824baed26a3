import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { LogEntry } from '../model/report-model.ts';
import { byCodePoint } from './compare.ts';
import { type Problems, readJsonLines, str } from './read-files.ts';

/** The most log entries a report lists; a run that warns more has a problem the first ones show. */
export const MAX_LOG_ENTRIES = 200;

/** Warnings and errors that this run logged to `logs/*.jsonl` (files of earlier runs in the same work dir are left out). */
export function readLogs(workDir: string, since: string | null, problems: Problems): LogEntry[] {
  const dir = join(workDir, 'logs');
  let files: string[];
  try {
    files = readdirSync(dir)
      .filter((f) => f.endsWith('.jsonl'))
      .sort();
  } catch {
    return [];
  }
  const from = since ? Date.parse(since) - 1000 : Number.NEGATIVE_INFINITY;
  const out: LogEntry[] = [];
  for (const file of files) {
    for (const r of readJsonLines(join(dir, file), problems)) {
      const level = str(r.level) ?? 'info';
      const time = str(r.time) ?? '';
      if (level !== 'warn' && level !== 'error' && level !== 'fatal') continue;
      if (Date.parse(time) < from) continue;
      out.push({
        time,
        level,
        message: str(r.message) ?? str(r.msg) ?? '',
        job: str(r.job),
        pipeline: str(r.pipeline),
      });
    }
  }
  return out.sort((a, b) => byCodePoint(a.time, b.time)).slice(0, MAX_LOG_ENTRIES);
}
