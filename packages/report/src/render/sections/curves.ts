import type { Curve, ReportModel } from '../../model/report-model.ts';
import type { ChartSet, VegaLiteSpec } from '../charts.ts';
import { empty, esc, plural, section } from '../html.ts';

/** A line chart of one stepped metric, one line per series (iteration, pipeline, job). */
export function curveSpec(curve: Curve): VegaLiteSpec {
  const series = new Set(curve.points.map((p) => p.series));
  return {
    title: { text: curve.key, anchor: 'start', fontSize: 13, fontWeight: 600 },
    data: { values: curve.points },
    width: 360,
    height: 200,
    mark: { type: 'line', point: curve.points.length <= 60, strokeWidth: 2 },
    encoding: {
      x: { field: 'step', type: 'quantitative', title: 'step' },
      y: { field: 'value', type: 'quantitative', title: null, scale: { zero: false } },
      ...(series.size > 1
        ? { color: { field: 'series', type: 'nominal', title: null, legend: { orient: 'bottom', columns: 1 } } }
        : {}),
      tooltip: [
        { field: 'series', title: 'run' },
        { field: 'step', title: 'step' },
        { field: 'value', title: curve.key, format: '.4~g' },
      ],
    },
  };
}

/** Training curves: every metric the tracker recorded with a `step`. */
export function renderCurves(model: ReportModel, charts: ChartSet): string {
  if (model.curves.length === 0) {
    return section(
      'curves',
      'Training curves',
      '',
      empty('No training curves: no metric was tracked with a <code>step</code> in this run.'),
    );
  }
  const body = `<div class="chart-grid">${model.curves.map((c) => charts.add(curveSpec(c), `Curve of ${c.key}`)).join('')}</div>`;
  return section('curves', 'Training curves', esc(`${plural(model.curves.length, 'metric')} tracked by step.`), body);
}
