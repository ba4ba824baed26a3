import { loadConfig } from '@dj-sandbox/config';
import { operatorsPoint } from '@dj-sandbox/core';
import pc from 'picocolors';
import { EXIT, renderProblems } from '../output/render-error.ts';
import { OPERATOR_PACKAGES } from '../plugins/first-party.ts';
import { loadPlugins } from '../plugins/load-plugins.ts';

/** Every first-party plugin package, tried when no config is given. */
const FIRST_PARTY = [
  '@dj-sandbox/hooks-data',
  '@dj-sandbox/hooks-model',
  '@dj-sandbox/executor-data-juicer',
  '@dj-sandbox/executor-datapool',
  '@dj-sandbox/executor-proxy-model',
  '@dj-sandbox/evaluator-metrics',
  '@dj-sandbox/evaluator-quality-classifier',
  ...OPERATOR_PACKAGES,
];

/** `dj-sandbox plugins`: the loaded plugins with versions, their hooks, component types and operators. */
export async function pluginsCommand(
  options: { config?: string; json?: boolean },
  cwd: string = process.cwd(),
): Promise<number> {
  const loaded = options.config ? await loadConfig({ configFile: options.config, cwd }) : undefined;
  if (loaded && (!loaded.config || loaded.errors.length > 0)) {
    process.stderr.write(`${renderProblems(loaded.errors)}\n`);
    return EXIT.config;
  }
  const { registry, errors, bases } = await loadPlugins(loaded?.config, cwd, loaded ? [] : FIRST_PARTY);
  const summary = registry.plugins.map((p) => ({
    id: p.id,
    version: p.version,
    source: p.source,
    hooks: [...registry.hooks.values()].filter((h) => h.plugin === p.id).map((h) => h.value.name),
    components: [...registry.components.values()]
      .filter((c) => c.plugin === p.id)
      .map((c) => `${c.value.kind}:${c.value.type}`),
    operators: registry.ownedExtensions(operatorsPoint).filter((o) => o.plugin === p.id).length,
  }));
  if (options.json) process.stdout.write(`${JSON.stringify({ searched: bases, plugins: summary }, null, 2)}\n`);
  else {
    process.stdout.write(`${pc.dim(`plugins are resolved from, in order: ${bases.join(' → ')}`)}\n`);
    for (const p of summary) {
      process.stdout.write(`${pc.bold(p.id)} ${pc.dim(p.version)}\n`);
      if (p.hooks.length) process.stdout.write(`  hooks: ${p.hooks.join(', ')}\n`);
      if (p.components.length) process.stdout.write(`  components: ${p.components.join(', ')}\n`);
      if (p.operators) process.stdout.write(`  operators: ${p.operators}\n`);
    }
    if (summary.length === 0) process.stdout.write('No plugins found.\n');
  }
  if (errors.length) process.stderr.write(`${renderProblems(errors)}\n`);
  return errors.length ? EXIT.config : EXIT.ok;
}
