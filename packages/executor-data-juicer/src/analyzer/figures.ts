import { join } from 'node:path';
import type { TopLevelSpec } from 'vega-lite';
import { percentile } from './overall-table.ts';
import { renderPng } from './render-chart.ts';

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';
const MAX_OUTLIERS = 2000;
const MAX_CATEGORIES = 40;

/** Equal-width bins over [min, max]; `max(floor(sqrt(n)), 10)` of them (spec §6.3). */
export function histogramBins(sorted: Float64Array): Array<{ start: number; end: number; count: number }> {
  const n = sorted.length;
  if (n === 0) return [];
  const bins = Math.max(Math.floor(Math.sqrt(n)), 10);
  let lo = sorted[0]!;
  let hi = sorted[n - 1]!;
  if (lo === hi) {
    lo -= 0.5;
    hi += 0.5;
  }
  const width = (hi - lo) / bins;
  const out = Array.from({ length: bins }, (_, i) => ({ start: lo + i * width, end: lo + (i + 1) * width, count: 0 }));
  for (let i = 0; i < n; i++) out[Math.min(bins - 1, Math.floor((sorted[i]! - lo) / width))]!.count++;
  return out;
}

async function numericHistogram(name: string, sorted: Float64Array, path: string): Promise<void> {
  await renderPng(
    {
      $schema: SCHEMA,
      width: 400,
      height: 300,
      data: { values: histogramBins(sorted) },
      mark: { type: 'rect', stroke: 'white', strokeWidth: 0.5, color: '#4c78a8' },
      encoding: {
        x: { field: 'start', type: 'quantitative', title: name, scale: { zero: false } },
        x2: { field: 'end' },
        y: { field: 'count', type: 'quantitative', title: 'Count' },
        y2: { datum: 0 },
      },
    } as TopLevelSpec,
    path,
  );
}

async function boxPlot(name: string, sorted: Float64Array, path: string): Promise<void> {
  const q1 = percentile(sorted, 0.25);
  const q2 = percentile(sorted, 0.5);
  const q3 = percentile(sorted, 0.75);
  const iqr = q3 - q1;
  // Whiskers as matplotlib draws them: the furthest values within 1.5 IQR of the box.
  const lowFence = q1 - 1.5 * iqr;
  const highFence = q3 + 1.5 * iqr;
  let lo = q1;
  let hi = q3;
  const outliers: number[] = [];
  for (const v of sorted) {
    if (v < lowFence || v > highFence) outliers.push(v);
    else {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  }
  const step = Math.max(1, Math.ceil(outliers.length / MAX_OUTLIERS));
  const points = outliers.filter((_, i) => i % step === 0).map((v) => ({ v }));
  await renderPng(
    {
      $schema: SCHEMA,
      width: 200,
      height: 300,
      layer: [
        {
          data: { values: [{ lo, hi }] },
          mark: 'rule',
          encoding: {
            y: { field: 'lo', type: 'quantitative', title: name, scale: { zero: false } },
            y2: { field: 'hi' },
          },
        },
        {
          data: { values: [{ q1, q3 }] },
          mark: { type: 'bar', size: 60, color: '#4c78a8' },
          encoding: { y: { field: 'q1', type: 'quantitative' }, y2: { field: 'q3' } },
        },
        {
          data: { values: [{ q2 }] },
          mark: { type: 'tick', size: 60, color: 'orange', thickness: 2 },
          encoding: { y: { field: 'q2', type: 'quantitative' } },
        },
        {
          data: { values: [{ v: lo }, { v: hi }] },
          mark: { type: 'tick', size: 30 },
          encoding: { y: { field: 'v', type: 'quantitative' } },
        },
        {
          data: { values: points },
          mark: { type: 'point', color: 'black' },
          encoding: { y: { field: 'v', type: 'quantitative' } },
        },
      ],
    } as TopLevelSpec,
    path,
  );
}

async function categoryHistogram(name: string, counts: Map<string, number>, path: string): Promise<void> {
  const values = [...counts.entries()]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count)
    .slice(0, MAX_CATEGORIES);
  await renderPng(
    {
      $schema: SCHEMA,
      width: 400,
      height: 300,
      data: { values },
      mark: 'bar',
      encoding: {
        x: { field: 'value', type: 'nominal', title: name, sort: '-y' },
        y: { field: 'count', type: 'quantitative', title: 'Count' },
      },
    } as TopLevelSpec,
    path,
  );
}

/** Draws `<col>-hist.png` and, for numeric columns, `<col>-box.png` into `dir`; returns the files written. */
export async function drawColumn(
  dir: string,
  column: { name: string; kind: 'numeric' | 'string'; sorted?: Float64Array; counts?: Map<string, number> },
): Promise<string[]> {
  const hist = join(dir, `${column.name}-hist.png`);
  if (column.kind === 'numeric') {
    const box = join(dir, `${column.name}-box.png`);
    await Promise.all([numericHistogram(column.name, column.sorted!, hist), boxPlot(column.name, column.sorted!, box)]);
    return [hist, box];
  }
  await categoryHistogram(column.name, column.counts!, hist);
  return [hist];
}

/** Draws the annotated Pearson heat map `stats-corr-pearson.png` (spec §6.4). */
export async function drawCorrelation(path: string, names: readonly string[], matrix: number[][]): Promise<void> {
  const values = names.flatMap((a, i) =>
    names.map((b, j) => ({
      a,
      b,
      r: Number.isNaN(matrix[i]![j]!) ? null : matrix[i]![j],
      label: Number.isNaN(matrix[i]![j]!) ? '' : matrix[i]![j]!.toFixed(2),
    })),
  );
  const size = Math.max(200, names.length * 60);
  await renderPng(
    {
      $schema: SCHEMA,
      width: size,
      height: size,
      data: { values },
      encoding: {
        x: { field: 'b', type: 'nominal', sort: [...names], title: null },
        y: { field: 'a', type: 'nominal', sort: [...names], title: null },
      },
      layer: [
        {
          mark: 'rect',
          encoding: {
            color: {
              field: 'r',
              type: 'quantitative',
              scale: { scheme: 'yellowgreen', domain: [-1, 1] },
              title: 'pearson',
            },
          },
        },
        { mark: { type: 'text', fontSize: 11 }, encoding: { text: { field: 'label', type: 'nominal' } } },
      ],
    } as TopLevelSpec,
    path,
  );
}
