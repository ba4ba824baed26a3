import { bound, COUNT, filterParams } from '../common/base-params.ts';
import { codePointLength } from '../common/code-points.ts';
import { MAXSIZE } from '../common/python-numbers.ts';
import { splitlines } from '../common/splitlines.ts';
import { defineStatFilter } from './lib/define-stat-filter.ts';

/** `maximum_line_length_filter`: keeps samples whose longest line is within `[min_len, max_len]` code points. */
export const maximumLineLengthFilter = defineStatFilter({
  name: 'maximum_line_length_filter',
  description: 'Keeps samples whose longest line (in code points, Python splitlines) is within [min_len, max_len].',
  params: filterParams({
    min_len: bound(10, 'Minimum length of the longest line.', COUNT),
    max_len: bound(MAXSIZE, 'Maximum length of the longest line.', COUNT),
  }),
  statKey: () => 'max_line_length',
  bounds: (p) => [p.min_len, p.max_len],
  prepare: () => (text) => {
    let max = 0;
    for (const line of splitlines(text)) {
      const n = codePointLength(line);
      if (n > max) max = n;
    }
    return max;
  },
});
