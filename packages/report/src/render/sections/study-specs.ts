import type { StudyRecord, TrialRecord } from '../../model/report-model.ts';
import type { VegaLiteSpec } from '../charts.ts';
import { formatValue } from '../html.ts';

/** The objective of each trial by index, with the best value so far as a step line. */
export function trialsSpec(study: StudyRecord): VegaLiteSpec {
  const values = study.trials.map((t) => ({ trial: t.index, value: t.value, state: t.state }));
  const op = study.direction === 'minimize' ? 'min' : 'max';
  const metric = study.metricName ?? 'value';
  return {
    data: { values },
    width: 760,
    height: 240,
    layer: [
      {
        transform: [
          { filter: 'isValid(datum.value)' },
          { sort: [{ field: 'trial' }], window: [{ op, field: 'value', as: 'best' }], frame: [null, 0] },
        ],
        mark: { type: 'line', interpolate: 'step-after', color: '#9ca3af', strokeDash: [4, 3] },
        encoding: {
          x: { field: 'trial', type: 'quantitative' },
          y: { field: 'best', type: 'quantitative' },
        },
      },
      {
        transform: [{ filter: 'isValid(datum.value)' }],
        mark: { type: 'point', filled: true, size: 70 },
        encoding: {
          x: { field: 'trial', type: 'quantitative', title: 'trial', axis: { tickMinStep: 1 } },
          y: { field: 'value', type: 'quantitative', title: metric, scale: { zero: false } },
          color: { field: 'state', type: 'nominal', title: 'state' },
          tooltip: [
            { field: 'trial', title: 'trial' },
            { field: 'value', title: metric, format: '.4~g' },
            { field: 'state', title: 'state' },
          ],
        },
      },
    ],
  };
}

interface Axis {
  name: string;
  scale(v: unknown): number | null;
}

function axisFor(name: string, raw: unknown[]): Axis {
  const nums = raw.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  if (nums.length === raw.filter((v) => v !== undefined && v !== null).length && nums.length > 0) {
    const lo = Math.min(...nums);
    const hi = Math.max(...nums);
    return { name, scale: (v) => (typeof v === 'number' ? (hi === lo ? 0.5 : (v - lo) / (hi - lo)) : null) };
  }
  // Categorical values sit evenly spaced on their axis, in sorted order.
  const cats = [...new Set(raw.filter((v) => v !== undefined && v !== null).map((v) => formatValue(v, 40)))].sort();
  return {
    name,
    scale: (v) =>
      v === undefined || v === null
        ? null
        : cats.length < 2
          ? 0.5
          : cats.indexOf(formatValue(v, 40)) / (cats.length - 1),
  };
}

/** The parallel-coordinates data: one row per trial and axis, each axis scaled to 0..1 from its own range. */
export function parallelRows(trials: TrialRecord[], metric: string): Array<Record<string, unknown>> {
  const paramNames = [...new Set(trials.flatMap((t) => Object.keys(t.params)))];
  const axes = [
    ...paramNames.map((p) =>
      axisFor(
        p,
        trials.map((t) => t.params[p]),
      ),
    ),
    axisFor(
      metric,
      trials.map((t) => t.value),
    ),
  ];
  const rows: Array<Record<string, unknown>> = [];
  for (const t of trials) {
    axes.forEach((axis, order) => {
      const raw = order < paramNames.length ? t.params[axis.name] : t.value;
      const y = axis.scale(raw);
      if (y !== null)
        rows.push({ trial: t.index, axis: axis.name, order, y, raw: formatValue(raw, 40), value: t.value });
    });
  }
  return rows;
}

/** Parallel coordinates: every trial is a line across its parameters and the objective, coloured by the objective. */
export function parallelSpec(study: StudyRecord): VegaLiteSpec | null {
  const metric = study.metricName ?? 'value';
  const rows = parallelRows(study.trials, metric);
  if (new Set(rows.map((r) => r.axis)).size < 2) return null;
  const x = {
    field: 'axis',
    type: 'nominal',
    sort: { field: 'order' },
    title: null,
    axis: { labelAngle: 0, domain: false, ticks: false, labelPadding: 8 },
  };
  return {
    data: { values: rows },
    width: 760,
    height: 260,
    layer: [
      // A rule with only x spans the full height: one axis line per dimension.
      { mark: { type: 'rule', color: '#d1d5db' }, encoding: { x } },
      {
        mark: { type: 'line', strokeWidth: 2, opacity: 0.75 },
        encoding: {
          x,
          y: { field: 'y', type: 'quantitative', axis: null, scale: { domain: [0, 1] } },
          detail: { field: 'trial', type: 'nominal' },
          color: { field: 'value', type: 'quantitative', title: metric, scale: { scheme: 'viridis' } },
          tooltip: [
            { field: 'trial', title: 'trial' },
            { field: 'axis', title: 'axis' },
            { field: 'raw', title: 'value' },
          ],
        },
      },
      {
        // The lowest and highest value of each axis, written at its ends.
        transform: [{ filter: 'datum.y === 0 || datum.y === 1' }],
        mark: { type: 'text', fontSize: 10, color: '#4b5563', align: 'left', dx: 6 },
        encoding: { x, y: { field: 'y', type: 'quantitative' }, text: { field: 'raw' } },
      },
      {
        mark: { type: 'point', filled: true, size: 28, color: '#374151' },
        encoding: {
          x,
          y: { field: 'y', type: 'quantitative' },
          tooltip: [{ field: 'trial' }, { field: 'axis' }, { field: 'raw', title: 'value' }],
        },
      },
    ],
  };
}
