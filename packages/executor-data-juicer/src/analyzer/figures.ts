import { join } from 'node:path';
import { percentile } from './overall-table.ts';
import { renderPng } from './render-chart.ts';
import {
  AXIS_COLOR,
  bottomAxis,
  escapeXml,
  FONT,
  labelWidth,
  leftAxis,
  linearScale,
  n,
  svgDocument,
  textWidth,
} from './svg-chart.ts';

const MAX_OUTLIERS = 2000;
const MAX_CATEGORIES = 40;
const BAR = '#4c78a8';
const PLOT_W = 400;
const PLOT_H = 300;
const TOP = 12;
const RIGHT = 24;
const BOTTOM = 48;

/** A histogram bin: [start, end) (the last one closed) and how many values fall in it. */
export interface Bin {
  start: number;
  end: number;
  count: number;
}

/** Equal-width bins over [min, max]; `max(floor(sqrt(n)), 10)` of them (docs/data-engines.md, "Analyzer figures"). */
export function histogramBins(sorted: Float64Array): Bin[] {
  const count = sorted.length;
  if (count === 0) return [];
  const bins = Math.max(Math.floor(Math.sqrt(count)), 10);
  let lo = sorted[0]!;
  let hi = sorted[count - 1]!;
  if (lo === hi) {
    lo -= 0.5;
    hi += 0.5;
  }
  const width = (hi - lo) / bins;
  const out = Array.from({ length: bins }, (_, i) => ({ start: lo + i * width, end: lo + (i + 1) * width, count: 0 }));
  for (let i = 0; i < count; i++) out[Math.min(bins - 1, Math.floor((sorted[i]! - lo) / width))]!.count++;
  return out;
}

/** The histogram of a numeric stat: `Count` against the stat's value, one bar per bin. */
export function histogramSvg(name: string, bins: readonly Bin[]): string {
  const maxCount = Math.max(1, ...bins.map((b) => b.count));
  const y = linearScale(0, maxCount, TOP + PLOT_H, TOP);
  const left = labelWidth(y) + 30;
  const lo = bins[0]?.start ?? 0;
  const hi = bins[bins.length - 1]?.end ?? 1;
  const x = linearScale(lo, hi, left, left + PLOT_W, 6);
  let body = leftAxis(y, left, PLOT_W, 'Count') + bottomAxis(x, TOP + PLOT_H, PLOT_H, name);
  for (const bin of bins) {
    if (bin.count === 0) continue;
    const x0 = x(bin.start);
    const top = y(bin.count);
    body += `<rect x="${n(x0)}" y="${n(top)}" width="${n(Math.max(0.5, x(bin.end) - x0))}" height="${n(y(0) - top)}" fill="${BAR}" stroke="white" stroke-width="0.5"/>`;
  }
  return svgDocument(left + PLOT_W + RIGHT, TOP + PLOT_H + BOTTOM, body);
}

/** Box-plot statistics, with whiskers as matplotlib draws them: the furthest values within 1.5 IQR of the box. */
export function boxStats(sorted: Float64Array) {
  const q1 = percentile(sorted, 0.25);
  const q2 = percentile(sorted, 0.5);
  const q3 = percentile(sorted, 0.75);
  const iqr = q3 - q1;
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
  // A long tail draws at most MAX_OUTLIERS points (evenly spaced in rank): more only overlap.
  const step = Math.max(1, Math.ceil(outliers.length / MAX_OUTLIERS));
  return { q1, q2, q3, lo, hi, outliers: outliers.filter((_, i) => i % step === 0) };
}

/** The box plot of a numeric stat: box from Q1 to Q3, the median in orange, whiskers, and the outliers. */
export function boxPlotSvg(name: string, sorted: Float64Array): string {
  const { q1, q2, q3, lo, hi, outliers } = boxStats(sorted);
  const min = Math.min(lo, outliers[0] ?? lo);
  const max = Math.max(hi, outliers[outliers.length - 1] ?? hi);
  const y = linearScale(min, max, TOP + PLOT_H, TOP);
  const width = 200;
  const left = labelWidth(y) + 30;
  const mid = left + width / 2;
  let body = leftAxis(y, left, width, name);
  body += `<line x1="${n(left)}" x2="${n(left + width)}" y1="${n(TOP + PLOT_H)}" y2="${n(TOP + PLOT_H)}" stroke="${AXIS_COLOR}"/>`;
  body += `<line x1="${n(mid)}" x2="${n(mid)}" y1="${n(y(hi))}" y2="${n(y(lo))}" stroke="black"/>`;
  for (const v of [lo, hi])
    body += `<line x1="${n(mid - 15)}" x2="${n(mid + 15)}" y1="${n(y(v))}" y2="${n(y(v))}" stroke="black"/>`;
  body += `<rect x="${n(mid - 30)}" y="${n(y(q3))}" width="60" height="${n(Math.max(0.5, y(q1) - y(q3)))}" fill="${BAR}"/>`;
  body += `<line x1="${n(mid - 30)}" x2="${n(mid + 30)}" y1="${n(y(q2))}" y2="${n(y(q2))}" stroke="orange" stroke-width="2"/>`;
  for (const v of outliers)
    body += `<circle cx="${n(mid)}" cy="${n(y(v))}" r="2.5" fill="none" stroke="black" stroke-width="0.8"/>`;
  return svgDocument(left + width + RIGHT, TOP + PLOT_H + 16, body);
}

/** A bar per category (the most frequent {@link MAX_CATEGORIES}), tallest first, labels turned upright. */
export function categorySvg(name: string, counts: ReadonlyMap<string, number>): string {
  const values = [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, MAX_CATEGORIES);
  const y = linearScale(0, Math.max(1, ...values.map(([, c]) => c)), TOP + PLOT_H, TOP);
  const left = labelWidth(y) + 30;
  const band = PLOT_W / Math.max(1, values.length);
  const labelsHeight = Math.max(0, ...values.map(([v]) => textWidth(v))) + 10;
  let body = leftAxis(y, left, PLOT_W, 'Count');
  const base = TOP + PLOT_H;
  body += `<line x1="${n(left)}" x2="${n(left + PLOT_W)}" y1="${n(base)}" y2="${n(base)}" stroke="${AXIS_COLOR}"/>`;
  values.forEach(([value, count], i) => {
    const cx = left + band * (i + 0.5);
    body += `<rect x="${n(cx - band * 0.45)}" y="${n(y(count))}" width="${n(band * 0.9)}" height="${n(base - y(count))}" fill="${BAR}"/>`;
    body += `<text transform="translate(${n(cx)},${n(base + 8)}) rotate(-90)" dy="0.35em" text-anchor="end" font-size="10" ${FONT}>${escapeXml(value)}</text>`;
  });
  body += `<text x="${n(left + PLOT_W / 2)}" y="${n(base + labelsHeight + 16)}" text-anchor="middle" font-size="11" font-weight="bold" ${FONT}>${escapeXml(name)}</text>`;
  return svgDocument(left + PLOT_W + RIGHT, base + labelsHeight + 26, body);
}

// ColorBrewer's YlGn (the "yellowgreen" scheme), light for -1 to dark for 1.
const YL_GN = ['#ffffe5', '#f7fcb9', '#d9f0a3', '#addd8e', '#78c679', '#41ab5d', '#238443', '#006837', '#004529'];

function hex(c: string): number[] {
  return [1, 3, 5].map((i) => Number.parseInt(c.slice(i, i + 2), 16));
}

/** The heat-map colour of a correlation in [-1, 1] (interpolated along YlGn); grey when undefined. */
export function correlationColor(r: number | null): string {
  if (r === null || Number.isNaN(r)) return '#eeeeee';
  const t = Math.min(1, Math.max(0, (r + 1) / 2)) * (YL_GN.length - 1);
  const i = Math.min(YL_GN.length - 2, Math.floor(t));
  const [a, b] = [hex(YL_GN[i]!), hex(YL_GN[i + 1]!)];
  const mix = a.map((v, k) => Math.round(v + (b[k]! - v) * (t - i)));
  return `#${mix.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}

/** The annotated Pearson heat map: a cell per pair of stats, its coefficient written in it, and a colour legend. */
export function correlationSvg(names: readonly string[], matrix: readonly number[][]): string {
  const size = Math.max(200, names.length * 60);
  const cell = size / Math.max(1, names.length);
  const left = Math.max(...names.map((s) => textWidth(s))) + 14;
  const top = 10;
  let body = '';
  names.forEach((_, i) => {
    names.forEach((__, j) => {
      const r = matrix[i]![j]!;
      const defined = !Number.isNaN(r);
      const x = left + j * cell;
      const y = top + i * cell;
      body += `<rect x="${n(x)}" y="${n(y)}" width="${n(cell)}" height="${n(cell)}" fill="${correlationColor(defined ? r : null)}"/>`;
      if (defined) {
        // Dark cells get white text.
        const fill = r > 0.55 ? 'white' : 'black';
        body += `<text x="${n(x + cell / 2)}" y="${n(y + cell / 2)}" dy="0.35em" text-anchor="middle" font-size="11" fill="${fill}" ${FONT}>${r.toFixed(2)}</text>`;
      }
    });
  });
  names.forEach((name, i) => {
    const c = top + (i + 0.5) * cell;
    body += `<text x="${n(left - 6)}" y="${n(c)}" dy="0.35em" text-anchor="end" font-size="10" ${FONT}>${escapeXml(name)}</text>`;
    body += `<text transform="translate(${n(left + (i + 0.5) * cell)},${n(top + size + 6)}) rotate(-90)" dy="0.35em" text-anchor="end" font-size="10" ${FONT}>${escapeXml(name)}</text>`;
  });
  body += `<rect x="${n(left)}" y="${n(top)}" width="${n(size)}" height="${n(size)}" fill="none" stroke="${AXIS_COLOR}"/>`;
  // Legend: a vertical gradient from 1 (top) to -1.
  const lx = left + size + 16;
  const lh = Math.min(size, 200);
  // Stops in increasing offset (SVG clamps a smaller offset to the previous one): darkest at the top.
  const stops = [...YL_GN]
    .reverse()
    .map((c, k) => `<stop offset="${n((k / (YL_GN.length - 1)) * 100)}%" stop-color="${c}"/>`)
    .join('');
  body += `<defs><linearGradient id="pearson" x1="0" x2="0" y1="0" y2="1">${stops}</linearGradient></defs>`;
  body += `<text x="${n(lx)}" y="${n(top + 8)}" font-size="11" font-weight="bold" ${FONT}>pearson</text>`;
  body += `<rect x="${n(lx)}" y="${n(top + 16)}" width="16" height="${n(lh)}" fill="url(#pearson)"/>`;
  for (const v of [1, 0.5, 0, -0.5, -1]) {
    const y = top + 16 + ((1 - v) / 2) * lh;
    body += `<text x="${n(lx + 20)}" y="${n(y)}" dy="0.35em" font-size="10" ${FONT}>${v.toFixed(1).replace('-', '\u2212')}</text>`;
  }
  const labels = Math.max(...names.map((s) => textWidth(s))) + 16;
  return svgDocument(lx + 64, top + size + labels, body);
}

/** Draws `<col>-hist.png` and, for numeric columns, `<col>-box.png` into `dir`; returns the files written. */
export async function drawColumn(
  dir: string,
  column: { name: string; kind: 'numeric' | 'string'; sorted?: Float64Array; counts?: Map<string, number> },
): Promise<string[]> {
  const hist = join(dir, `${column.name}-hist.png`);
  if (column.kind === 'numeric') {
    const box = join(dir, `${column.name}-box.png`);
    await Promise.all([
      renderPng(histogramSvg(column.name, histogramBins(column.sorted!)), hist),
      renderPng(boxPlotSvg(column.name, column.sorted!), box),
    ]);
    return [hist, box];
  }
  await renderPng(categorySvg(column.name, column.counts!), hist);
  return [hist];
}

/** Draws the annotated Pearson heat map `stats-corr-pearson.png` (docs/data-engines.md, "Analyzer figures"). */
export async function drawCorrelation(path: string, names: readonly string[], matrix: number[][]): Promise<void> {
  await renderPng(correlationSvg(names, matrix), path);
}
