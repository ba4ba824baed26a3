import type { ReportModel, StudyRecord, TrialRecord } from '../../model/report-model.ts';
import type { ChartSet } from '../charts.ts';
import { badge, esc, formatDuration, formatNumber, formatValue, section, table } from '../html.ts';
import { parallelSpec, trialsSpec } from './study-specs.ts';

function stateBadge(state: string): string {
  if (/^(complete|completed|done|finished|succeeded)$/i.test(state)) return badge(state, 'ok');
  if (/^(fail|failed|error)$/i.test(state)) return badge(state, 'bad');
  if (/^(pruned|stopped|cancelled|canceled)$/i.test(state)) return badge(state, 'warn');
  return badge(state, 'info');
}

function trialRow(t: TrialRecord, params: string[], best: number | null): string[] {
  const metrics = Object.entries(t.metrics)
    .map(([k, v]) => `<div class="kv"><span class="k">${esc(k)}</span> ${esc(formatValue(v, 60))}</div>`)
    .join('');
  const link = t.report
    ? `<a href="${esc(t.report)}">report</a>`
    : t.dir
      ? `<a href="${esc(t.dir)}/">${esc(t.dir)}</a>`
      : '<span class="muted">—</span>';
  return [
    `${esc(String(t.index))}${t.index === best ? ' <span class="star" title="best trial">★</span>' : ''}`,
    stateBadge(t.state),
    ...params.map((p) => esc(formatValue(t.params[p], 40))),
    t.value === null ? '<span class="muted">—</span>' : `<strong>${esc(formatNumber(t.value))}</strong>`,
    metrics || '<span class="muted">—</span>',
    esc(formatDuration(t.durationMs)),
    link,
  ];
}

function lead(study: StudyRecord): string {
  const best = study.trials.find((t) => t.index === study.bestIndex);
  const parts = [`${study.trials.length} trials`];
  if (study.metricName)
    parts.push(`objective <code>${esc(study.metricName)}</code>${study.direction ? ` (${study.direction})` : ''}`);
  if (best) parts.push(`best: trial ${best.index} with ${esc(formatNumber(best.value!))}`);
  return parts.join(' · ');
}

/** A search: the objective by trial, a parallel-coordinates view of the parameters, and the trials table. */
export function renderStudy(model: ReportModel, charts: ChartSet): string {
  const study = model.study;
  if (!study) return '';
  if (study.trials.length === 0) {
    return section('study', 'Search', '', '<div class="empty">The search has not recorded any trial yet.</div>');
  }
  const params = [...new Set(study.trials.flatMap((t) => Object.keys(t.params)))];
  const parallel = parallelSpec(study);
  const rows = study.trials.map((t) => trialRow(t, params, study.bestIndex));
  const body = [
    `<h3>Objective by trial</h3>${charts.add(trialsSpec(study), 'Objective by trial')}`,
    parallel ? `<h3>Parameters</h3>${charts.add(parallel, 'Parallel coordinates of the trials')}` : '',
    `<h3>Trials</h3>${table(['trial', 'state', ...params, study.metricName ?? 'value', 'metrics', 'duration', 'run'], rows, { numeric: [...params.map((_, i) => i + 2), params.length + 2] })}`,
    `<details><summary>sweep.json</summary><pre>${esc(JSON.stringify(study.sweep, null, 2))}</pre></details>`,
  ];
  return section('study', 'Search', lead(study), body.join(''));
}
