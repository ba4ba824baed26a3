import type { OverallTable } from '@dj-sandbox/core';

/** Splits one CSV line as pandas writes it (quoted fields may hold commas and doubled quotes). */
export function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      out.push(field);
      field = '';
    } else field += c;
  }
  out.push(field);
  return out;
}

/**
 * Reads Data-Juicer's `overall.csv` (a pandas `describe()` table: one column per stats key, one row per statistic)
 * into the {@link OverallTable} shape the native analyzer returns: numeric rows only (`unique`, `top`, `freq` are
 * dropped, as there), an empty or non-numeric cell as null.
 */
export function parseOverallCsv(text: string): OverallTable {
  const lines = text.split(/\r?\n/).filter((l) => l.length > 0);
  const header = splitCsvLine(lines[0] ?? '').slice(1);
  const table: OverallTable = Object.fromEntries(header.map((h) => [h, {}]));
  for (const line of lines.slice(1)) {
    const [row = '', ...cells] = splitCsvLine(line);
    if (row === 'unique' || row === 'top' || row === 'freq') continue;
    header.forEach((column, i) => {
      const cell = cells[i] ?? '';
      const value = cell === '' ? Number.NaN : Number(cell);
      (table[column] as Record<string, number | null>)[row] = Number.isFinite(value) ? value : null;
    });
  }
  return table;
}
