import type { ReportModel } from '../model/report-model.ts';
import { type ChartBundles, chartBundles } from './assets.ts';
import { BOOTSTRAP } from './bootstrap.ts';
import { CHART_CONFIG, ChartSet } from './charts.ts';
import { esc, formatTime, scriptJson } from './html.ts';
import { renderAnalysis } from './sections/analysis.ts';
import { renderConfig } from './sections/config.ts';
import { renderCurves } from './sections/curves.ts';
import { renderHeader } from './sections/header.ts';
import { renderLineage } from './sections/lineage.ts';
import { renderLogs } from './sections/logs.ts';
import { renderMetrics } from './sections/metrics.ts';
import { renderStudy } from './sections/study.ts';
import { renderTimeline } from './sections/timeline.ts';
import { STYLES } from './styles.ts';

const TOC: Array<[string, string]> = [
  ['jobs', 'Jobs'],
  ['study', 'Search'],
  ['metrics', 'Metrics'],
  ['curves', 'Curves'],
  ['analysis', 'Analysis'],
  ['lineage', 'Lineage'],
  ['logs', 'Warnings'],
  ['config', 'Config'],
];

/**
 * Renders the report model as one self-contained HTML page: the chart libraries, the specs and the analyzer's
 * figures are all inline, so the file opens anywhere without a network.
 */
export function renderReport(model: ReportModel, bundles: ChartBundles = chartBundles()): string {
  const charts = new ChartSet();
  const sections = [
    renderTimeline(model, charts),
    renderStudy(model, charts),
    renderMetrics(model),
    renderCurves(model, charts),
    renderAnalysis(model),
    renderLineage(model),
    renderLogs(model),
    renderConfig(model),
  ].join('\n');
  const toc = TOC.filter(([id]) => id !== 'study' || model.study)
    .map(([id, label]) => `<a href="#${id}">${esc(label)}</a>`)
    .join('');
  const s = model.summary;
  const title = `${s.projectName ?? 'dj-sandbox'}${s.experimentName ? ` / ${s.experimentName}` : ''} · ${s.status}`;
  const problems = model.problems.length
    ? `<details class="problems"><summary>${model.problems.length} files could not be read</summary><pre>${esc(model.problems.join('\n'))}</pre></details>`
    : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="@dj-sandbox/report">
<title>${esc(title)}</title>
<style>${STYLES}</style>
</head>
<body data-charts="${charts.size > 0 ? 'pending' : 'ready'}">
${renderHeader(model)}
<main>
<nav class="toc">${toc}</nav>
${sections}
<footer>Generated ${esc(formatTime(model.generatedAt))} by <code>dj-sandbox report</code>.${problems}</footer>
</main>
<script type="application/json" id="chart-config">${scriptJson(CHART_CONFIG)}</script>
${charts.scripts()}
${charts.size > 0 ? `<script>${bundles.vega}</script>\n<script>${bundles.vegaLite}</script>\n<script>${bundles.vegaEmbed}</script>\n<script>${BOOTSTRAP}</script>` : ''}
</body>
</html>
`;
}
