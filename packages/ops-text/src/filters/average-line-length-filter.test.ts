import { describe, expect, it } from 'vitest';
import { REFERENCE_ROWS } from '../test-helpers/reference-table.ts';
import { runFilter } from '../test-helpers/run-filter.ts';
import { averageLineLengthFilter, countLines } from './average-line-length-filter.ts';

describe('average_line_length_filter', () => {
  it('computes avg_line_length equal to the Data-Juicer reference values', async () => {
    const out = await runFilter(
      averageLineLengthFilter,
      REFERENCE_ROWS.map((r) => r.text),
    );
    expect(out.map((o) => o.stats.avg_line_length)).toEqual(REFERENCE_ROWS.map((r) => r.avg_line_length));
  });

  it('counts \\r\\n as one terminator and keeps terminators in the length', async () => {
    const out = await runFilter(averageLineLengthFilter, ['ab\r\ncd\n', '', '\n\n']);
    expect(out.map((o) => o.stats.avg_line_length)).toEqual([7 / 2, 0, 1]);
  });

  it('counts lines like Python splitlines', () => {
    expect([
      countLines(''),
      countLines('a'),
      countLines('a\n'),
      countLines('a\u2028b\x1cc'),
      countLines('\r\r\n'),
    ]).toEqual([0, 1, 1, 3, 2]);
  });
});
