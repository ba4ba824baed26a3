import type { PoolNode, ReportModel } from '../../model/report-model.ts';
import { badge, empty, esc, formatNumber, formatValue, section } from '../html.ts';

function statsSummary(stats: Record<string, unknown>): string {
  return Object.entries(stats)
    .map(([k, v]) => {
      const s = (typeof v === 'object' && v !== null ? v : {}) as Record<string, unknown>;
      const f = (x: unknown) => (typeof x === 'number' ? formatNumber(x) : '?');
      return `${k} ${f(s.min)}–${f(s.max)} (mean ${f(s.mean)})`;
    })
    .join(' · ');
}

function nodeLine(node: PoolNode): string {
  const slash = node.id.lastIndexOf('/');
  const name = `<span class="dir">${esc(node.id.slice(0, slash + 1))}</span><strong>${esc(node.id.slice(slash + 1))}</strong>`;
  const params = Object.entries(node.params)
    .filter(([, v]) => v !== null)
    .map(([k, v]) => `${k}=${formatValue(v, 40)}`)
    .join(', ');
  const stats = statsSummary(node.stats);
  return `<div class="node">${node.operation ? badge(node.operation.replace(/^data_pool_/, ''), 'info') : badge('dataset', 'muted')} <code class="pool">${name}</code>${node.samples !== null ? ` <span class="samples">${esc(formatNumber(node.samples))} samples</span>` : ''}${node.job ? ` <span class="muted small">from ${esc(node.job)}</span>` : ''}${params ? `<div class="muted small">${esc(params)}</div>` : ''}${stats ? `<div class="muted small">${esc(stats)}</div>` : ''}</div>`;
}

/**
 * The pools as an indented tree from the datasets they came from. A pool with several parents (a merge) is drawn
 * under its first parent and referenced under the others, so the tree stays a tree.
 */
export function renderLineage(model: ReportModel): string {
  const { nodes, roots } = model.lineage;
  if (nodes.length === 0) {
    return section(
      'lineage',
      'Data-pool lineage',
      '',
      empty('No data pools: no <code>*.meta.json</code> sidecar was found.'),
    );
  }
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const children = new Map<string, string[]>();
  for (const n of nodes) for (const p of n.parents) children.set(p, [...(children.get(p) ?? []), n.id]);
  const drawn = new Set<string>();
  const draw = (id: string): string => {
    const node = byId.get(id)!;
    if (drawn.has(id)) {
      return `<li class="ref"><span class="muted small">↳ also from here:</span> <code>${esc(id)}</code></li>`;
    }
    drawn.add(id);
    const kids = (children.get(id) ?? []).sort();
    return `<li>${nodeLine(node)}${kids.length ? `<ul>${kids.map(draw).join('')}</ul>` : ''}</li>`;
  };
  const tree = `<ul class="tree">${[...roots].sort().map(draw).join('')}</ul>`;
  const pools = nodes.filter((n) => n.operation !== null).length;
  return section('lineage', 'Data-pool lineage', esc(`${pools} pools from ${roots.length} source datasets.`), tree);
}
