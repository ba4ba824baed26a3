import type { ReportModel } from '../../model/report-model.ts';
import { badge, esc, formatDuration, formatTime } from '../html.ts';

const STATUS_TONE = { finished: 'ok', failed: 'bad', running: 'info', unknown: 'muted' } as const;

/** The report's header: the run's name, its status, when it ran, and the failure when there is one. */
export function renderHeader(model: ReportModel): string {
  const s = model.summary;
  const title = s.projectName ?? 'dj-sandbox run';
  const jobs = model.jobs;
  const failed = jobs.filter((j) => j.status === 'failed').length;
  const facts: Array<[string, string]> = [
    ['Started', formatTime(s.startedAt)],
    ['Duration', formatDuration(s.durationMs)],
    ['Iterations', String(s.iterations)],
    model.study && jobs.length === 0
      ? ['Trials', String(model.study.trials.length)]
      : ['Jobs', `${jobs.filter((j) => j.status === 'done').length} done${failed ? `, ${failed} failed` : ''}`],
    ['Stopped by', s.stopReason ?? '—'],
  ];
  const error = s.error
    ? `<div class="alert"><strong>The run failed.</strong><pre>${esc(s.error)}</pre></div>`
    : s.status === 'unknown'
      ? `<div class="alert alert-muted">This work dir has no <code>run.json</code>: the run predates run records, or was killed before it started. The report shows what the other files hold.</div>`
      : '';
  return `<header class="hero">
  <div class="hero-top">
    <div>
      <div class="eyebrow">dj-sandbox experiment report</div>
      <h1>${esc(title)}${s.experimentName ? ` <span class="subtle">/ ${esc(s.experimentName)}</span>` : ''}</h1>
      <div class="path" title="work_dir">${esc(model.workDir)}</div>
    </div>
    <div class="status" data-status="${esc(s.status)}">${badge(s.status, STATUS_TONE[s.status])}</div>
  </div>
  <dl class="facts">${facts.map(([k, v]) => `<div><dt>${esc(k)}</dt><dd>${esc(v)}</dd></div>`).join('')}</dl>
  ${error}
</header>`;
}
