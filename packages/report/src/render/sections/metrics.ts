import type { ReportModel, WatchedValue } from '../../model/report-model.ts';
import { empty, esc, formatValue, plural, section, table } from '../html.ts';

type Scalar = string | number | boolean | null;
/** More columns than this and the scalar table goes long (key, value) instead of wide. */
const MAX_WIDE_COLUMNS = 8;

function isMapping(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isScalar(v: unknown): v is Scalar {
  return v === null || ['string', 'number', 'boolean'].includes(typeof v);
}

/** Flattens nested mappings into dotted keys (the tracker's own rule), leaving arrays as leaves. */
function flatten(value: Record<string, unknown>, prefix = ''): Array<[string, unknown]> {
  return Object.entries(value).flatMap(([k, v]) =>
    isMapping(v) ? flatten(v, `${prefix}${k}.`) : [[`${prefix}${k}`, v] as [string, unknown]],
  );
}

/** A mapping of mappings of scalars, such as the analyzer's overall table (one column per stat). */
function isStatsTable(v: unknown): v is Record<string, Record<string, Scalar>> {
  if (!isMapping(v)) return false;
  const cols = Object.values(v);
  return cols.length > 0 && cols.every((c) => isMapping(c) && Object.values(c).every(isScalar));
}

function scope(w: WatchedValue): string {
  return `iter ${w.iteration} · ${w.pipeline}${w.job && w.job !== w.metaName ? ` › ${w.job}` : ''}`;
}

function statsCard(w: WatchedValue, value: Record<string, Record<string, Scalar>>): string {
  const cols = Object.keys(value);
  const rows = [...new Set(cols.flatMap((c) => Object.keys(value[c]!)))];
  const body = rows.map((r) => [
    `<span class="k">${esc(r)}</span>`,
    ...cols.map((c) => esc(formatValue(value[c]![r]))),
  ]);
  return `<div class="card"><h3>${esc(w.metaName || '(unnamed)')} <span class="subtle">${esc(scope(w))}</span></h3>${table(['', ...cols], body, { numeric: cols.map((_, i) => i + 1) })}</div>`;
}

function scalarTable(values: WatchedValue[]): string {
  const rows = values.map((w) => ({
    w,
    leaves: isMapping(w.value) ? flatten(w.value) : ([['value', w.value]] as Array<[string, unknown]>),
  }));
  const keys = [...new Set(rows.flatMap((r) => r.leaves.map(([k]) => k)))];
  if (keys.length <= MAX_WIDE_COLUMNS) {
    const body = rows.map(({ w, leaves }) => {
      const m = new Map(leaves);
      return [
        esc(String(w.iteration)),
        esc(w.pipeline),
        `<strong>${esc(w.metaName || '(unnamed)')}</strong>`,
        ...keys.map((k) => (m.has(k) ? esc(formatValue(m.get(k))) : '<span class="muted">—</span>')),
      ];
    });
    return table(['iter', 'pipeline', 'name', ...keys], body, { numeric: keys.map((_, i) => i + 3) });
  }
  const body = rows.flatMap(({ w, leaves }) =>
    leaves.map(([k, v]) => [
      esc(String(w.iteration)),
      esc(w.pipeline),
      `<code>${esc(w.metaName ? `${w.metaName}.${k}` : k)}</code>`,
      esc(formatValue(v)),
    ]),
  );
  return table(['iter', 'pipeline', 'key', 'value'], body, { numeric: [3] });
}

/**
 * Every watched value: flat ones (evaluation scores, sample counts) in one table, one row per job; tables (the
 * analyzer's stats) each as their own table, laid out like `overall.csv`.
 */
export function renderMetrics(model: ReportModel): string {
  const tables = model.watched.filter((w) => isStatsTable(w.value));
  const flat = model.watched.filter((w) => !isStatsTable(w.value));
  if (model.watched.length === 0) {
    return section(
      'metrics',
      'Watched metrics',
      '',
      empty('No metric was watched in this run (<code>tracker/watched.jsonl</code> is empty or missing).'),
    );
  }
  const parts: string[] = [];
  if (flat.length > 0) parts.push(`<h3>Values</h3>${scalarTable(flat)}`);
  if (tables.length > 0) {
    parts.push(
      `<h3>Tables</h3><div class="cards">${tables.map((w) => statsCard(w, w.value as Record<string, Record<string, Scalar>>)).join('')}</div>`,
    );
  }
  return section(
    'metrics',
    'Watched metrics',
    `${plural(model.watched.length, 'value')} the tracker recorded, the latest per job.`,
    parts.join(''),
  );
}
