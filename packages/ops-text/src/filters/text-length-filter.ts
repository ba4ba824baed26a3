import { bound, COUNT, filterParams } from '../common/base-params.ts';
import { codePointLength } from '../common/code-points.ts';
import { MAXSIZE } from '../common/python-numbers.ts';
import { defineStatFilter } from './lib/define-stat-filter.ts';

/** `text_length_filter`: keeps samples whose text length in code points is within `[min_len, max_len]`. */
export const textLengthFilter = defineStatFilter({
  name: 'text_length_filter',
  description: 'Keeps samples whose text length (in Unicode code points) is within [min_len, max_len].',
  params: filterParams({
    min_len: bound(10, 'Minimum text length in code points.', COUNT),
    max_len: bound(MAXSIZE, 'Maximum text length in code points.', COUNT),
  }),
  statKey: () => 'text_len',
  bounds: (p) => [p.min_len, p.max_len],
  prepare: () => codePointLength,
});
