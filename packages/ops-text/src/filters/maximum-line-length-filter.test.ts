import { describe, expect, it } from 'vitest';
import { REFERENCE_ROWS } from '../test-helpers/reference-table.ts';
import { runFilter } from '../test-helpers/run-filter.ts';
import { maximumLineLengthFilter } from './maximum-line-length-filter.ts';

describe('maximum_line_length_filter', () => {
  it('computes max_line_length equal to the Data-Juicer reference values', async () => {
    const out = await runFilter(
      maximumLineLengthFilter,
      REFERENCE_ROWS.map((r) => r.text),
    );
    expect(out.map((o) => o.stats.max_line_length)).toEqual(REFERENCE_ROWS.map((r) => r.max_line_length));
  });

  it('measures lines in code points and gives 0 for empty text', async () => {
    const out = await runFilter(maximumLineLengthFilter, ['😀😀😀\r\nab', '', 'abc\vabcdefghijkl']);
    expect(out.map((o) => o.stats.max_line_length)).toEqual([3, 0, 12]);
    expect(out.map((o) => o.keep)).toEqual([false, false, true]);
  });
});
