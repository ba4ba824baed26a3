import { writeFileAtomic } from '@dj-sandbox/core';
import sharp from 'sharp';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

/** Renders a vega-lite spec to a PNG file: vega-lite → vega → SVG (`renderer: 'none'`, no canvas) → sharp. */
export async function renderPng(spec: TopLevelSpec, path: string): Promise<void> {
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  try {
    const svg = await view.toSVG(2);
    await writeFileAtomic(path, await sharp(Buffer.from(svg)).png().toBuffer());
  } finally {
    view.finalize();
  }
}
