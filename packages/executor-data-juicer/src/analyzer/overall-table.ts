import type { OverallTable } from '@dj-sandbox/core';
import type { StatColumn } from './column-store.ts';
import { percentileLabels, pyFloat } from './py-format.ts';

/** One cell: a number (NaN = missing) or a string (`top`). */
export type Cell = number | string;

/** Data-Juicer's overall analysis table (docs/recipes.md#analysis): row labels, and per column its cells by label. */
export interface Overall {
  readonly labels: string[];
  readonly columns: Array<{
    name: string;
    kind: 'numeric' | 'string';
    cells: Map<string, Cell>;
    sorted?: Float64Array;
  }>;
}

/** Linear-interpolated percentile of sorted values (numpy's default). */
export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const pos = p * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

function numericCells(
  sorted: Float64Array,
  percentiles: readonly number[],
  labels: readonly string[],
): Map<string, Cell> {
  const n = sorted.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += sorted[i]!;
  const mean = n ? sum / n : Number.NaN;
  let sq = 0;
  for (let i = 0; i < n; i++) sq += (sorted[i]! - mean) ** 2;
  const cells = new Map<string, Cell>([
    ['count', n],
    ['mean', mean],
    ['std', n > 1 ? Math.sqrt(sq / (n - 1)) : Number.NaN],
    ['min', n ? sorted[0]! : Number.NaN],
  ]);
  for (let i = 0; i < percentiles.length; i++) cells.set(labels[i]!, percentile(sorted, percentiles[i]!));
  cells.set('max', n ? sorted[n - 1]! : Number.NaN);
  return cells;
}

function stringCells(counts: Map<string, number>): Map<string, Cell> {
  let count = 0;
  let top: string | undefined;
  let freq = 0;
  for (const [value, c] of counts) {
    count += c;
    if (c > freq) {
      top = value;
      freq = c;
    }
  }
  return new Map<string, Cell>([
    ['count', count],
    ['unique', counts.size],
    ['top', top ?? Number.NaN],
    ['freq', top === undefined ? Number.NaN : freq],
  ]);
}

/** Computes the overall table; percentiles are `sorted(set(extra ∪ {0.25, 0.5, 0.75}))`. */
export function overallTable(columns: readonly StatColumn[], extraPercentiles: readonly number[] = []): Overall {
  const percentiles = [...new Set([...extraPercentiles.map(Number), 0.25, 0.5, 0.75])].sort((a, b) => a - b);
  const pctLabels = percentileLabels(percentiles);
  const labels: string[] = [];
  const out: Overall['columns'] = [];
  for (const col of columns) {
    let cells: Map<string, Cell>;
    let sorted: Float64Array | undefined;
    if (col.kind === 'numeric') {
      sorted = Float64Array.from(col.numbers.view()).sort();
      cells = numericCells(sorted, percentiles, pctLabels);
    } else cells = stringCells(col.counts);
    for (const label of cells.keys()) if (!labels.includes(label)) labels.push(label);
    out.push({ name: col.name, kind: col.kind as 'numeric' | 'string', cells, ...(sorted ? { sorted } : {}) });
  }
  return { labels, columns: out };
}

function csvField(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function cellText(cell: Cell | undefined): string {
  if (cell === undefined) return '';
  if (typeof cell === 'string') return cell;
  return Number.isNaN(cell) ? '' : pyFloat(cell);
}

/** `overall.csv` as pandas writes it: first column the row label, numbers as Python floats, NaN empty. */
export function overallCsv(table: Overall): string {
  const lines = [`,${table.columns.map((c) => csvField(c.name)).join(',')}`];
  for (const label of table.labels) {
    lines.push([csvField(label), ...table.columns.map((c) => csvField(cellText(c.cells.get(label))))].join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** `overall.md`: a pipe table (numeric columns right-aligned). */
export function overallMarkdown(table: Overall): string {
  const header = ['', ...table.columns.map((c) => c.name)];
  const rows = table.labels.map((label) => [
    label,
    ...table.columns.map((c) => cellText(c.cells.get(label)).replaceAll('|', '\\|')),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length), 3));
  const line = (cells: string[]): string =>
    `| ${cells.map((c, i) => (i === 0 || table.columns[i - 1]?.kind === 'string' ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  const align = `|${widths.map((w, i) => (i === 0 || table.columns[i - 1]?.kind === 'string' ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`;
  return `${[line(header), align, ...rows.map(line)].join('\n')}\n`;
}

/** The table as the DataAnalyzer returns it: numbers only, the string rows (`unique`, `top`, `freq`) dropped. */
export function toOverallResult(table: Overall): OverallTable {
  const result: OverallTable = {};
  for (const col of table.columns) {
    const rows: Record<string, number | null> = {};
    for (const label of table.labels) {
      if (label === 'unique' || label === 'top' || label === 'freq') continue;
      const cell = col.cells.get(label);
      rows[label] = typeof cell === 'number' && !Number.isNaN(cell) ? cell : null;
    }
    result[col.name] = rows;
  }
  return result;
}
