import type { JobRecord, ReportModel, TargetsRecord } from '../../model/report-model.ts';
import type { ChartSet, VegaLiteSpec } from '../charts.ts';
import { badge, empty, esc, formatDuration, formatValue, section, table } from '../html.ts';

const STATUS_TONE = { done: 'ok', failed: 'bad', skipped: 'muted', running: 'info', interrupted: 'warn' } as const;

function jobLabel(job: JobRecord, manyIterations: boolean): string {
  return `${manyIterations ? `#${job.iteration} ` : ''}${job.pipeline} › ${job.metaName ?? job.hook}`;
}

/** The jobs as bars on a time axis in seconds from the first start; tiny jobs get a visible sliver. */
export function timelineSpec(jobs: JobRecord[], manyIterations: boolean): VegaLiteSpec | null {
  const timed = jobs.filter((j) => j.startedAt);
  if (timed.length === 0) return null;
  const t0 = Math.min(...timed.map((j) => Date.parse(j.startedAt!)));
  const ends = timed.map((j) => (j.endedAt ? Date.parse(j.endedAt) : Date.parse(j.startedAt!) + (j.durationMs ?? 0)));
  const span = Math.max(1, Math.max(...ends) - t0);
  const values = timed.map((j, i) => {
    const start = (Date.parse(j.startedAt!) - t0) / 1000;
    const end = Math.max((ends[i]! - t0) / 1000, start + (span / 1000) * 0.006);
    return {
      order: i,
      job: jobLabel(j, manyIterations),
      pipeline: j.pipeline,
      hook: j.hook,
      status: j.status,
      start,
      end,
      duration: formatDuration(j.durationMs),
    };
  });
  return {
    data: { values },
    width: 760,
    height: { step: 24 },
    mark: { type: 'bar', cornerRadius: 3, height: { band: 0.7 } },
    encoding: {
      y: { field: 'job', type: 'nominal', sort: { field: 'order' }, title: null, axis: { labelLimit: 260 } },
      x: { field: 'start', type: 'quantitative', title: 'seconds since the first job started' },
      x2: { field: 'end' },
      color: {
        field: 'pipeline',
        type: 'nominal',
        title: 'pipeline',
        legend: { orient: 'bottom', direction: 'horizontal' },
      },
      stroke: { condition: { test: "datum.status === 'failed'", value: '#dc2626' }, value: null },
      strokeWidth: { value: 2 },
      opacity: { condition: { test: "datum.status === 'skipped'", value: 0.35 }, value: 1 },
      tooltip: [
        { field: 'job', title: 'job' },
        { field: 'hook', title: 'hook' },
        { field: 'status', title: 'status' },
        { field: 'duration', title: 'duration' },
      ],
    },
  };
}

/** Lists beyond this many items show the first ones and a count. */
const MAX_LISTED = 4;

function outputValue(v: unknown): string {
  if (!Array.isArray(v)) return `<code>${esc(formatValue(v, 120))}</code>`;
  const shown = v.slice(0, MAX_LISTED).map((x) => `<li><code>${esc(formatValue(x, 120))}</code></li>`);
  const more = v.length > MAX_LISTED ? `<li class="muted small">and ${v.length - MAX_LISTED} more</li>` : '';
  return `<ul class="plain">${shown.join('')}${more}</ul>`;
}

function outputsCell(outputs: Record<string, unknown>): string {
  const entries = Object.entries(outputs);
  if (entries.length === 0) return '<span class="muted">—</span>';
  return entries.map(([k, v]) => `<div class="kv"><span class="k">${esc(k)}</span> ${outputValue(v)}</div>`).join('');
}

function targetsBlock(targets: TargetsRecord[]): string {
  if (targets.length === 0) return '';
  const rows = targets.flatMap((t) =>
    t.details.map((d) => [
      esc(String(t.iteration)),
      `<code>${esc(d.target)}</code>`,
      esc(formatValue(d.value)),
      d.met ? badge('met', 'ok') : badge('not met', 'warn'),
      esc(d.problem ?? ''),
    ]),
  );
  return `<h3>Targets</h3>${table(['iteration', 'target', 'value', 'result', 'problem'], rows)}`;
}

/** Pipelines and jobs: a timeline chart and a table with status, duration and outputs, then the targets checks. */
export function renderTimeline(model: ReportModel, charts: ChartSet): string {
  if (model.jobs.length === 0) {
    return section(
      'jobs',
      'Pipelines and jobs',
      '',
      empty('No job events: this work dir has no <code>events.jsonl</code>.'),
    );
  }
  const many = model.summary.iterations > 1;
  const spec = timelineSpec(model.jobs, many);
  const rows = model.jobs.map((j) => [
    esc(String(j.iteration)),
    esc(j.pipeline),
    `<strong>${esc(j.metaName ?? '—')}</strong><div class="muted small">${esc(j.hook)}</div>`,
    esc((j.group ?? '').replace(/_job_configs$/, '')),
    badge(j.status, STATUS_TONE[j.status]),
    esc(formatDuration(j.durationMs)),
    j.error ? `<pre class="error-text">${esc(j.error)}</pre>` : outputsCell(j.outputs),
  ]);
  const lead = `${model.jobs.length} jobs in ${new Set(model.jobs.map((j) => j.pipeline)).size} pipelines.`;
  return section(
    'jobs',
    'Pipelines and jobs',
    esc(lead),
    `${spec ? charts.add(spec, 'Job timeline') : ''}${table(['iter', 'pipeline', 'job', 'group', 'status', 'duration', 'outputs / error'], rows, { numeric: [5] })}${targetsBlock(model.targets)}`,
  );
}
