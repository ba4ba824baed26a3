import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The chart libraries' browser bundles, inlined so that a report needs no network to open. */
export interface ChartBundles {
  vega: string;
  vegaLite: string;
  vegaEmbed: string;
}

let cached: ChartBundles | null = null;

function bundle(pkg: string, file: string): string {
  // The packages export only their module entries; their browser bundles sit next to them in build/.
  const entry = createRequire(import.meta.url).resolve(pkg);
  const text = readFileSync(join(dirname(entry), file), 'utf8');
  // A bundle containing "</script" would end the inline element early.
  return text.replace(/<\/script/gi, '<\\/script');
}

/** Reads vega, vega-lite and vega-embed's minified bundles from node_modules (once per process). */
export function chartBundles(): ChartBundles {
  cached ??= {
    vega: bundle('vega', 'vega.min.js'),
    vegaLite: bundle('vega-lite', 'vega-lite.min.js'),
    vegaEmbed: bundle('vega-embed', 'vega-embed.min.js'),
  };
  return cached;
}
