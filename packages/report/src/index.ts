export { buildReport } from './build-report.ts';
export type * from './model/report-model.ts';
export { type ChartBundles, chartBundles } from './render/assets.ts';
export { renderReport } from './render/render-report.ts';
export { type WriteReportOptions, writeReport } from './write-report.ts';
