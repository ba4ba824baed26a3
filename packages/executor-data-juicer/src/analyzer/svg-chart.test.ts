import { describe, expect, it } from 'vitest';
import { boxPlotSvg, boxStats, correlationColor, correlationSvg, histogramBins, histogramSvg } from './figures.ts';
import { escapeXml, formatTick, linearScale, niceTicks } from './svg-chart.ts';

const count = (svg: string, tag: string) => svg.split(`<${tag} `).length - 1;

describe('the analyzer charts', () => {
  it('puts ticks on round steps of 1, 2 or 5 times a power of ten that cover the data', () => {
    expect(niceTicks(0, 9000)).toEqual({
      ticks: [0, 1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000],
      step: 1000,
    });
    expect(niceTicks(0.523, 0.828)).toEqual({
      ticks: [0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85],
      step: 0.05,
    });
    expect(niceTicks(-3, 17, 4).ticks).toEqual([-5, 0, 5, 10, 15, 20]);
    // A constant column still gets an axis around its value.
    const flat = niceTicks(7, 7);
    expect(flat.ticks[0]).toBeLessThan(7);
    expect(flat.ticks.at(-1)).toBeGreaterThan(7);
  });

  it('labels ticks with grouped thousands and the decimals the step needs', () => {
    expect(formatTick(40000, 5000)).toBe('40,000');
    expect(formatTick(0.65, 0.05)).toBe('0.65');
    expect(formatTick(-0.5, 0.5)).toBe('\u22120.5');
    expect(formatTick(-0, 1)).toBe('0');
  });

  it('maps the widened domain onto the pixel range', () => {
    const y = linearScale(0, 8100, 312, 12);
    expect(y(0)).toBe(312);
    expect(y(9000)).toBe(12);
    expect(y(4500)).toBe(162);
  });

  it('draws one bar per non-empty bin, as tall as its count', () => {
    const sorted = Float64Array.from([1, 1, 1, 2, 3, 3, 10, 10, 10, 10]);
    const bins = histogramBins(sorted);
    expect(bins).toHaveLength(10);
    expect(bins.map((b) => b.count)).toEqual([3, 1, 2, 0, 0, 0, 0, 0, 0, 4]);
    const svg = histogramSvg('text_len', bins);
    const bars = [...svg.matchAll(/<rect x="[\d.]+" y="[\d.]+" width="[\d.]+" height="([\d.]+)" fill="#4c78a8"/g)];
    expect(bars.map((m) => Number(m[1]))).toEqual([225, 75, 150, 300]);
    expect(svg).toContain('>text_len</text>');
    expect(svg).toContain('>Count</text>');
  });

  it('draws the box from Q1 to Q3 with matplotlib whiskers and the outliers beyond them', () => {
    const sorted = Float64Array.from([...Array.from({ length: 20 }, (_, i) => 10 + i), 100, 120]);
    const stats = boxStats(sorted);
    expect([stats.q1, stats.q2, stats.q3]).toEqual([15.25, 20.5, 25.75]);
    expect([stats.lo, stats.hi]).toEqual([10, 29]);
    expect(stats.outliers).toEqual([100, 120]);
    const svg = boxPlotSvg('num_words', sorted);
    expect(count(svg, 'circle')).toBe(2);
    expect(svg).toContain('stroke="orange"');
  });

  it('colours the heat map from light (-1) to dark (1), writes each coefficient, and greys out undefined ones', () => {
    expect(correlationColor(-1)).toBe('#ffffe5');
    expect(correlationColor(1)).toBe('#004529');
    expect(correlationColor(null)).toBe('#eeeeee');
    const svg = correlationSvg(
      ['a<b', 'c'],
      [
        [1, Number.NaN],
        [Number.NaN, 1],
      ],
    );
    expect(svg).toContain('>1.00</text>');
    expect(svg).toContain(`>${escapeXml('a<b')}</text>`);
    expect(svg).not.toContain('a<b');
    expect(svg.match(/fill="#eeeeee"/g)).toHaveLength(2);
  });
});
