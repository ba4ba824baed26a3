import { jobError, writeFileAtomic } from '@dj-sandbox/core';

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

/** Rasterises an SVG document (see svg-chart.ts) to a PNG file with sharp, written atomically. */
export async function renderPng(svg: string, path: string): Promise<void> {
  const sharp = await loadSharp();
  await writeFileAtomic(path, await sharp(Buffer.from(svg)).png().toBuffer());
}
