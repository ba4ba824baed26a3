import type { Logger, Sample } from '@dj-sandbox/core';
import { META_KEY, STATS_KEY } from '../export/split-export-row.ts';

class Floats {
  data = new Float64Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }

  view(): Float64Array {
    return this.data.subarray(0, this.length);
  }
}

/** One analysed column: numeric values (lists exploded) or string value counts. */
export interface StatColumn {
  readonly name: string;
  /** Decided by the first non-missing value (docs/recipes.md#analysis); `skip` for dicts. */
  kind: 'numeric' | 'string' | 'skip' | undefined;
  /** From `__dj__stats__` (correlation uses only these). */
  readonly fromStats: boolean;
  readonly numbers: Floats;
  readonly counts: Map<string, number>;
  /** Per row: the value, or a list's mean (empty → 0), NaN when missing (for correlation). */
  readonly perRow: Floats;
}

function pyStr(value: unknown): string {
  if (value === true) return 'True';
  if (value === false) return 'False';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * Accumulates the analysed columns while samples stream by (docs/recipes.md#analysis): every `__dj__stats__` key and the
 * `__dj__`-prefixed keys of `__dj__meta__`; lists are exploded. Holds numbers and value counts, never samples.
 */
export class ColumnStore {
  private readonly stats = new Map<string, StatColumn>();
  private readonly meta = new Map<string, StatColumn>();
  rows = 0;

  constructor(private readonly logger: Logger) {}

  /** Columns in table order: stats keys, then meta keys. */
  columns(): StatColumn[] {
    return [...this.stats.values(), ...this.meta.values()].filter((c) => c.kind === 'numeric' || c.kind === 'string');
  }

  private column(map: Map<string, StatColumn>, name: string, fromStats: boolean): StatColumn {
    let col = map.get(name);
    if (!col) {
      col = { name, kind: undefined, fromStats, numbers: new Floats(), counts: new Map(), perRow: new Floats() };
      for (let r = 0; r < this.rows; r++) col.perRow.push(Number.NaN);
      map.set(name, col);
    }
    return col;
  }

  private addValue(col: StatColumn, value: unknown): void {
    if (value === null || value === undefined) return;
    if (col.kind === undefined) {
      if (typeof value === 'number') col.kind = 'numeric';
      else if (typeof value === 'object') {
        col.kind = 'skip';
        this.logger.warn(
          `analyzer skips column ${col.name}: its values are ${Array.isArray(value) ? 'nested lists' : 'dicts'}`,
        );
      } else col.kind = 'string';
    }
    if (col.kind === 'numeric' && typeof value === 'number') col.numbers.push(value);
    else if (col.kind === 'string') col.counts.set(pyStr(value), (col.counts.get(pyStr(value)) ?? 0) + 1);
  }

  private addCell(col: StatColumn, value: unknown): number {
    if (Array.isArray(value)) {
      let sum = 0;
      let n = 0;
      for (const v of value) {
        this.addValue(col, v);
        if (typeof v === 'number') {
          sum += v;
          n++;
        }
      }
      return n > 0 ? sum / n : value.length === 0 ? 0 : Number.NaN;
    }
    this.addValue(col, value);
    return typeof value === 'number' ? value : Number.NaN;
  }

  /** Adds one sample's stats and meta. */
  add(sample: Sample): void {
    const seen = new Set<StatColumn>();
    const stats = sample[STATS_KEY];
    if (stats && typeof stats === 'object') {
      for (const [key, value] of Object.entries(stats)) {
        const col = this.column(this.stats, key, true);
        col.perRow.push(this.addCell(col, value));
        seen.add(col);
      }
    }
    const meta = sample[META_KEY];
    if (meta && typeof meta === 'object') {
      for (const [key, value] of Object.entries(meta)) {
        if (!key.startsWith('__dj__')) continue;
        const col = this.column(this.meta, key, false);
        col.perRow.push(this.addCell(col, value));
        seen.add(col);
      }
    }
    for (const col of [...this.stats.values(), ...this.meta.values()]) if (!seen.has(col)) col.perRow.push(Number.NaN);
    this.rows++;
  }
}
