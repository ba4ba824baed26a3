import { esc, scriptJson } from './html.ts';

/** A vega-lite spec (kept as plain JSON: the report embeds it as data). */
export type VegaLiteSpec = Record<string, unknown>;

/** Collects the report's charts: each gets a container element and its spec inlined next to it. */
export class ChartSet {
  private readonly specs: Array<{ id: string; spec: VegaLiteSpec }> = [];

  /** The HTML of a chart container for `spec`, with an accessible title. */
  add(spec: VegaLiteSpec, title: string): string {
    const id = `chart-${this.specs.length + 1}`;
    this.specs.push({ id, spec: { $schema: 'https://vega.github.io/schema/vega-lite/v6.json', ...spec } });
    return `<figure class="chart-card"><div class="chart" id="${id}" data-chart="${id}" role="img" aria-label="${esc(title)}"></div></figure>`;
  }

  /** How many charts were added. */
  get size(): number {
    return this.specs.length;
  }

  /** The `<script type="application/json">` elements holding every spec, keyed by container id. */
  scripts(): string {
    return this.specs
      .map(({ id, spec }) => `<script type="application/json" id="spec-${id}">${scriptJson(spec)}</script>`)
      .join('\n');
  }
}

/** The shared look of every chart: the report's font and muted axes. */
export const CHART_CONFIG = {
  font: 'Inter, "Segoe UI", system-ui, -apple-system, sans-serif',
  axis: {
    labelColor: '#4b5563',
    titleColor: '#374151',
    gridColor: '#eef0f3',
    domainColor: '#d1d5db',
    tickColor: '#d1d5db',
  },
  legend: { labelColor: '#374151', titleColor: '#374151' },
  view: { stroke: null },
  range: { category: ['#4f46e5', '#0891b2', '#d97706', '#059669', '#db2777', '#7c3aed', '#65a30d', '#dc2626'] },
};
