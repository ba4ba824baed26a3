import type { ReportModel } from '../../model/report-model.ts';
import { MAX_LOG_ENTRIES } from '../../read/read-logs.ts';
import { badge, empty, esc, formatTime, section, table } from '../html.ts';

/** The warnings and errors the run logged, with the job that logged them. */
export function renderLogs(model: ReportModel): string {
  if (model.logs.length === 0) {
    return section('logs', 'Warnings and errors', '', empty('The run logged no warning and no error.'));
  }
  const rows = model.logs.map((l) => [
    esc(formatTime(l.time)),
    badge(l.level, l.level === 'warn' ? 'warn' : 'bad'),
    esc(l.job ? `${l.pipeline ?? '?'} › ${l.job}` : '—'),
    esc(l.message),
  ]);
  const more = model.logs.length >= MAX_LOG_ENTRIES ? ` (the first ${MAX_LOG_ENTRIES}; see <code>logs/</code>)` : '';
  return section(
    'logs',
    'Warnings and errors',
    `From <code>logs/*.jsonl</code>${more}.`,
    table(['time', 'level', 'job', 'message'], rows),
  );
}
