import { describe, expect, it } from 'vitest';
import { formatDuration, formatNumber, formatValue, scriptJson } from './html.ts';

describe('formatting for people', () => {
  it('groups integers, rounds fractions to four significant places and writes tiny numbers as exponents', () => {
    expect([
      formatNumber(18843),
      formatNumber(0.9199246907),
      formatNumber(3267.62),
      formatNumber(0.0003),
      formatNumber(2.5e-6),
    ]).toEqual(['18,843', '0.9199', '3,267.62', '0.0003', '2.5e-6']);
  });

  it('writes durations in the unit that reads best', () => {
    expect([
      formatDuration(17.7),
      formatDuration(1486.7),
      formatDuration(65_000),
      formatDuration(7_380_000),
      formatDuration(null),
    ]).toEqual(['18 ms', '1.49 s', '1 min 05 s', '2 h 03 min', '—']);
  });

  it('shows lists of scalars compactly and cuts long values', () => {
    expect(formatValue([0.3333333333, 0.6666666666])).toBe('[0.3333, 0.6667]');
    expect(formatValue('x'.repeat(200), 10)).toBe(`${'x'.repeat(9)}…`);
  });

  it('serialises inline JSON so that it cannot close its script element', () => {
    expect(scriptJson({ a: '</script>' })).toBe('{"a":"\\u003c/script>"}');
  });
});
