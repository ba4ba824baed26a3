import { bound, COUNT, filterParams } from '../common/base-params.ts';
import { codePointLength } from '../common/code-points.ts';
import { MAXSIZE } from '../common/python-numbers.ts';
import { isLineBreak } from '../common/splitlines.ts';
import { defineStatFilter } from './lib/define-stat-filter.ts';

/** The number of lines Python's `splitlines` yields, without building them. */
export function countLines(text: string): number {
  let lines = 0;
  let inLine = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isLineBreak(c)) {
      lines++;
      inLine = false;
      if (c === 0x0d && text.charCodeAt(i + 1) === 0x0a) i++;
    } else {
      inLine = true;
    }
  }
  return inLine ? lines + 1 : lines;
}

/** `average_line_length_filter`: keeps samples whose average line length is within `[min_len, max_len]`. */
export const averageLineLengthFilter = defineStatFilter({
  name: 'average_line_length_filter',
  description:
    'Keeps samples whose average line length (all code points, terminators included, over the splitlines count) is within [min_len, max_len].',
  params: filterParams({
    min_len: bound(10, 'Minimum average line length.', COUNT),
    max_len: bound(MAXSIZE, 'Maximum average line length.', COUNT),
  }),
  statKey: () => 'avg_line_length',
  bounds: (p) => [p.min_len, p.max_len],
  prepare: () => (text) => {
    const lines = countLines(text);
    return lines === 0 ? 0 : codePointLength(text) / lines;
  },
});
