/** `1 value`, `2 values`. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Escapes text for HTML element content and attribute values. */
export function esc(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * Serialises data for an inline `<script type="application/json">`: `<` is escaped so that no `</script>` inside a
 * value can end the element early.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** A number for people: integers grouped, fractions to four significant places, tiny ones in exponent form. */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n)) return n.toLocaleString('en-US');
  const abs = Math.abs(n);
  if (abs !== 0 && (abs < 1e-4 || abs >= 1e9)) return n.toExponential(3).replace(/\.?0+e/, 'e');
  return n.toLocaleString('en-US', { maximumSignificantDigits: abs >= 1000 ? 7 : 4 });
}

/** Any value as short text: numbers formatted, strings as is, the rest as compact JSON cut at `max` characters. */
export function formatValue(value: unknown, max = 160): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'string') return value.length > max ? `${value.slice(0, max - 1)}…` : value;
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((v) => v === null || typeof v !== 'object')) {
    const text = `[${value.map((v) => (typeof v === 'string' ? JSON.stringify(v) : formatValue(v))).join(', ')}]`;
    return text.length > max ? `${text.slice(0, max - 1)}…` : text;
  }
  const json = JSON.stringify(value) ?? String(value);
  return json.length > max ? `${json.slice(0, max - 1)}…` : json;
}

/** A duration for people: `420 ms`, `3.2 s`, `4 min 05 s`, `2 h 03 min`. */
export function formatDuration(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(s < 10 ? 2 : 1)} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${String(Math.round(s % 60)).padStart(2, '0')} s`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`;
}

/** An ISO time as `2026-11-24 22:38:42 UTC`. */
export function formatTime(iso: string | null): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${d.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** A status pill; `tone` picks the colour (`ok`, `bad`, `warn`, `muted`, `info`). */
export function badge(text: string, tone: 'ok' | 'bad' | 'warn' | 'muted' | 'info'): string {
  return `<span class="badge badge-${tone}">${esc(text)}</span>`;
}

/** An HTML table; cells are already HTML. `numeric` marks columns that align right. */
export function table(
  head: string[],
  rows: string[][],
  options: { numeric?: number[]; className?: string } = {},
): string {
  const num = new Set(options.numeric ?? []);
  const th = head.map((h, i) => `<th${num.has(i) ? ' class="num"' : ''}>${esc(h)}</th>`).join('');
  const body = rows
    .map((r) => `<tr>${r.map((c, i) => `<td${num.has(i) ? ' class="num"' : ''}>${c}</td>`).join('')}</tr>`)
    .join('\n');
  return `<div class="table-wrap"><table class="${esc(options.className ?? '')}"><thead><tr>${th}</tr></thead><tbody>${body}</tbody></table></div>`;
}

/** A section with an anchor, a title and a one-line lead. */
export function section(id: string, title: string, lead: string, body: string): string {
  return `<section id="${esc(id)}"><h2>${esc(title)}</h2>${lead ? `<p class="lead">${lead}</p>` : ''}${body}</section>`;
}

/** What a section shows when there is nothing to show, and why. */
export function empty(text: string): string {
  return `<div class="empty">${text}</div>`;
}
