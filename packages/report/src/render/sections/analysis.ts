import type { AnalysisRecord, ReportModel } from '../../model/report-model.ts';
import { badge, empty, esc, formatNumber, section, table } from '../html.ts';

const PHASE = {
  before: { title: 'Before processing', tone: 'info' },
  after: { title: 'After processing', tone: 'ok' },
  unknown: { title: 'Analysis', tone: 'muted' },
} as const;

function cell(text: string): string {
  const n = Number(text);
  return text !== '' && Number.isFinite(n) ? esc(formatNumber(n)) : esc(text);
}

function overallTable(rows: string[][]): string {
  if (rows.length < 2) return '<p class="muted small">No <code>overall.csv</code> in this folder.</p>';
  const [head, ...body] = rows;
  return table(
    head!.map((h, i) => (i === 0 ? '' : h)),
    body.map((r) => r.map((c, i) => (i === 0 ? `<span class="k">${esc(c)}</span>` : cell(c)))),
    { numeric: head!.map((_, i) => i).slice(1), className: 'compact' },
  );
}

function renderOne(a: AnalysisRecord): string {
  const phase = PHASE[a.phase];
  const by = a.producedBy.map((p) => `${p.pipeline} › ${p.metaName ?? p.hook} (iter ${p.iteration})`).join(', ');
  const figures = a.figures
    .map(
      (f) =>
        `<figure class="figure" data-kind="${f.kind}"><img alt="${esc(f.name)}" src="${f.dataUri}"><figcaption>${esc(f.name)}</figcaption></figure>`,
    )
    .join('');
  return `<div class="analysis" data-phase="${a.phase}">
  <h3>${badge(phase.title, phase.tone)} <code>${esc(a.dir)}</code></h3>
  ${by ? `<p class="muted small">by ${esc(by)}</p>` : ''}
  ${overallTable(a.overall)}
  ${figures ? `<div class="figures">${figures}</div>` : '<p class="muted small">No figures in this folder.</p>'}
</div>`;
}

/** The analyzer's outputs in the order they were made: the overall table and every figure, embedded. */
export function renderAnalysis(model: ReportModel): string {
  if (model.analyses.length === 0) {
    return section(
      'analysis',
      'Data analysis',
      '',
      empty('No analyzer output: no <code>analysis/</code> folder next to the datasets of this run.'),
    );
  }
  return section(
    'analysis',
    'Data analysis',
    'The analyzer’s overall table and figures, for each analysed dataset, in the order the analyses ran.',
    model.analyses.map(renderOne).join(''),
  );
}
