import type { TrackedMetric } from '@dj-sandbox/core';
import pc from 'picocolors';

/** One row of the end-of-run results table. */
export interface SummaryRow {
  pipeline: string;
  job: string;
  metric: string;
  value: number;
}

/**
 * The numbers worth a glance after a run: every scalar the jobs of the last iteration tracked (evaluation scores,
 * samples kept, final training metrics), one row each. Step-wise curves and whole analysis tables (keys nested
 * deeper than `<job>.<metric>`) are left to the logs and the report.
 */
export function summaryRows(history: readonly TrackedMetric[], iteration: number): SummaryRow[] {
  const latest = new Map<string, SummaryRow>();
  for (const m of history) {
    if (m.iteration !== iteration || m.step !== undefined || typeof m.value !== 'number' || !Number.isFinite(m.value))
      continue;
    const job = m.job ?? '';
    const rest = m.key.startsWith(`${job}.`) ? m.key.slice(job.length + 1) : m.key === job ? '' : m.key;
    const label = job || '(no meta_name)';
    if (rest.split('.').length > 1) continue;
    latest.set(`${m.pipeline}\u0000${m.key}`, {
      pipeline: m.pipeline,
      job: label,
      metric: rest || 'value',
      value: m.value,
    });
  }
  return [...latest.values()];
}

function formatValue(value: number): string {
  if (Number.isInteger(value)) return value.toLocaleString('en-US');
  return Math.abs(value) >= 100 ? value.toFixed(1) : value.toPrecision(4);
}

/**
 * Renders the rows as an aligned table: one row per `job metric`, one column per pipeline, so pipelines that run the
 * same jobs (a refined recipe against raw data) read side by side.
 */
export function renderSummary(rows: readonly SummaryRow[], iteration: number): string {
  if (rows.length === 0) return '';
  const pipelines = [...new Set(rows.map((r) => r.pipeline))];
  const keys = [...new Set(rows.map((r) => `${r.job} ${r.metric}`))];
  const value = new Map(rows.map((r) => [`${r.job} ${r.metric}\u0000${r.pipeline}`, formatValue(r.value)]));
  const header = ['job metric', ...pipelines];
  const cells = keys.map((k) => [k, ...pipelines.map((p) => value.get(`${k}\u0000${p}`) ?? '-')]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((v, i) => (i === 0 ? v.padEnd(widths[i]!) : v.padStart(widths[i]!))).join('  ');
  return [pc.bold(`Results (iteration ${iteration})`), pc.dim(line(header)), ...cells.map(line)].join('\n');
}
