import { jobError, writeFileAtomic } from '@dj-sandbox/core';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

type Sharp = typeof import('sharp')['default'];

let loaded: Promise<Sharp> | undefined;

/**
 * sharp, loaded on first use: its native binary comes from optional dependencies, so an install with
 * `--omit=optional` lacks it, and that must cost the figures only, with a clear message, not the whole engine.
 */
function loadSharp(): Promise<Sharp> {
  loaded ??= import('sharp').then(
    (m) => m.default,
    (error: Error) => {
      loaded = undefined;
      throw jobError('sharp-missing', `cannot draw the analysis figures: sharp does not load (${error.message}).`, {
        plugin: 'executor-data-juicer',
        expected: "sharp with its platform binary (an optional dependency of sharp's)",
        fix: 'Reinstall without --omit=optional (npm install --include=optional sharp).',
      });
    },
  );
  return loaded;
}

/** Renders a vega-lite spec to a PNG file: vega-lite → vega → SVG (`renderer: 'none'`, no canvas) → sharp. */
export async function renderPng(spec: TopLevelSpec, path: string): Promise<void> {
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  try {
    const svg = await view.toSVG(2);
    const sharp = await loadSharp();
    await writeFileAtomic(path, await sharp(Buffer.from(svg)).png().toBuffer());
  } finally {
    view.finalize();
  }
}
