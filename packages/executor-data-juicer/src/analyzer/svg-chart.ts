/**
 * The few pieces the analyzer's figures are drawn with: linear scales with round ticks, axes, escaped text and the
 * SVG frame. Written out instead of laying the charts out with vega: the analyzer draws about fifteen small static
 * charts per run, and vega spent ~0.8 s of a 3.3 s analysis building dataflows for them; these strings take well under
 * a millisecond each, and sharp rasterises them on libuv's thread pool (see docs/data-engines.md, "Analyzer figures").
 */

/** Pixels per SVG unit in the PNG: charts are laid out in units and rendered at twice that for sharp text. */
export const PIXEL_RATIO = 2;
/** Axis and label typography. */
export const FONT = 'font-family="DejaVu Sans, Verdana, sans-serif"';
const LABEL_SIZE = 10;
const TITLE_SIZE = 11;
const TICK = 5;
/** Colour of axis lines and ticks. */
export const AXIS_COLOR = '#888';
const GRID_COLOR = '#ddd';

/** Text escaped for SVG content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Width of `text` in units at `size`, estimated (DejaVu Sans averages ~0.6 em a character): used for margins only. */
export function textWidth(text: string, size = LABEL_SIZE): number {
  return text.length * size * 0.6;
}

/** Round tick values covering [lo, hi]: steps of 1, 2 or 5 times a power of ten, about `count` of them. */
export function niceTicks(lo: number, hi: number, count = 8): { ticks: number[]; step: number } {
  if (!(hi > lo)) {
    const pad = lo === 0 ? 1 : Math.abs(lo) * 0.1;
    return niceTicks(lo - pad, hi + pad, count);
  }
  const raw = (hi - lo) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const error = raw / power;
  const step = power * (error >= 7.07 ? 10 : error >= 3.16 ? 5 : error >= 1.41 ? 2 : 1);
  const first = Math.floor(lo / step + 1e-9);
  const last = Math.ceil(hi / step - 1e-9);
  const ticks: number[] = [];
  // Multiples of the step, computed from integers so that 0.1 + 0.2 style drift does not show in the labels.
  for (let k = first; k <= last; k++) ticks.push(Number((k * step).toPrecision(12)));
  return { ticks, step };
}

/** A tick label: grouped thousands, as many decimals as the step needs. */
export function formatTick(value: number, step: number): string {
  const decimals = Math.max(0, Math.min(10, -Math.floor(Math.log10(step) + 1e-9)));
  const text = value.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  return text === '-0' ? '0' : text.replace(/^-/, '\u2212');
}

/** A linear map from a domain to a pixel range. */
export interface LinearScale {
  (value: number): number;
  readonly ticks: number[];
  readonly step: number;
}

/** A linear scale whose domain is widened to round ticks (as vega's `nice`). */
export function linearScale(lo: number, hi: number, from: number, to: number, count?: number): LinearScale {
  const { ticks, step } = niceTicks(lo, hi, count);
  const d0 = ticks[0]!;
  const d1 = ticks[ticks.length - 1]!;
  const scale = ((v: number) => from + ((v - d0) / (d1 - d0)) * (to - from)) as LinearScale;
  return Object.assign(scale, { ticks, step });
}

/** A number for an SVG attribute (two decimals at most). */
export function n(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** Widest tick label of a scale, in units. */
export function labelWidth(scale: LinearScale): number {
  return Math.max(...scale.ticks.map((t) => textWidth(formatTick(t, scale.step))));
}

/** A left axis at x = `x` over the plot's width `width` (grid lines across), with its title rotated. */
export function leftAxis(scale: LinearScale, x: number, width: number, title: string): string {
  let out = '';
  for (const t of scale.ticks) {
    const y = n(scale(t));
    out += `<line x1="${n(x)}" x2="${n(x + width)}" y1="${y}" y2="${y}" stroke="${GRID_COLOR}" stroke-width="0.5"/>`;
    out += `<line x1="${n(x - TICK)}" x2="${n(x)}" y1="${y}" y2="${y}" stroke="${AXIS_COLOR}"/>`;
    out += `<text x="${n(x - TICK - 2)}" y="${y}" dy="0.35em" text-anchor="end" font-size="${LABEL_SIZE}" ${FONT}>${formatTick(t, scale.step)}</text>`;
  }
  const [top, bottom] = [scale(scale.ticks[scale.ticks.length - 1]!), scale(scale.ticks[0]!)];
  out += `<line x1="${n(x)}" x2="${n(x)}" y1="${n(top)}" y2="${n(bottom)}" stroke="${AXIS_COLOR}"/>`;
  const tx = x - TICK - 6 - labelWidth(scale);
  const ty = (top + bottom) / 2;
  out += `<text transform="translate(${n(tx)},${n(ty)}) rotate(-90)" text-anchor="middle" font-size="${TITLE_SIZE}" font-weight="bold" ${FONT}>${escapeXml(title)}</text>`;
  return out;
}

/** A bottom axis at y = `y` over the plot's height `height` (grid lines up), with its title below. */
export function bottomAxis(scale: LinearScale, y: number, height: number, title: string): string {
  let out = '';
  for (const t of scale.ticks) {
    const x = n(scale(t));
    out += `<line x1="${x}" x2="${x}" y1="${n(y - height)}" y2="${n(y)}" stroke="${GRID_COLOR}" stroke-width="0.5"/>`;
    out += `<line x1="${x}" x2="${x}" y1="${n(y)}" y2="${n(y + TICK)}" stroke="${AXIS_COLOR}"/>`;
    out += `<text x="${x}" y="${n(y + TICK + 11)}" text-anchor="middle" font-size="${LABEL_SIZE}" ${FONT}>${formatTick(t, scale.step)}</text>`;
  }
  const [left, right] = [scale(scale.ticks[0]!), scale(scale.ticks[scale.ticks.length - 1]!)];
  out += `<line x1="${n(left)}" x2="${n(right)}" y1="${n(y)}" y2="${n(y)}" stroke="${AXIS_COLOR}"/>`;
  out += `<text x="${n((left + right) / 2)}" y="${n(y + TICK + 28)}" text-anchor="middle" font-size="${TITLE_SIZE}" font-weight="bold" ${FONT}>${escapeXml(title)}</text>`;
  return out;
}

/** The whole SVG document: `width` × `height` units on white, rendered at {@link PIXEL_RATIO}. */
export function svgDocument(width: number, height: number, body: string): string {
  const w = Math.ceil(width);
  const h = Math.ceil(height);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w * PIXEL_RATIO}" height="${h * PIXEL_RATIO}" viewBox="0 0 ${w} ${h}">` +
    `<rect width="${w}" height="${h}" fill="white"/>${body}</svg>`
  );
}
