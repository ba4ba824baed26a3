import { stringify } from 'yaml';
import type { ReportModel } from '../../model/report-model.ts';
import { empty, esc, section, table } from '../html.ts';

/** The config as run (YAML, as users write it) and the plugins and versions that ran it. */
export function renderConfig(model: ReportModel): string {
  const s = model.summary;
  const plugins = s.plugins.length
    ? `<h3>Plugins</h3>${table(
        ['plugin', 'version', 'loaded from'],
        s.plugins.map((p) => [
          `<code>${esc(p.id)}</code>`,
          esc(p.version),
          `<span class="muted small">${esc(p.source ?? '—')}</span>`,
        ]),
      )}`
    : '';
  const config = model.config
    ? `<pre class="config">${esc(stringify(model.config, { lineWidth: 0 }))}</pre>`
    : empty('No config recorded: this work dir has no <code>run.json</code>.');
  const file = s.configFile ? `From <code>${esc(s.configFile)}</code>, after parsing.` : '';
  return section('config', 'Config as run', file, `${config}${plugins}`);
}
