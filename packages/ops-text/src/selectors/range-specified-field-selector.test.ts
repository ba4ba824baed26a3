import { describe, expect, it } from 'vitest';
import { runSelector } from '../test-helpers/run-selector.ts';
import { rangeSpecifiedFieldSelector } from './range-specified-field-selector.ts';

const scores = [0.9, 0.2, 0.5, 0.7, 0.1, 0.8];

describe('range_specified_field_selector', () => {
  it('keeps the top third by language score as the sandbox example does, largest first', async () => {
    const out = await runSelector(rangeSpecifiedFieldSelector, scores, {
      field_key: '__dj__stats__.lang_score',
      lower_percentile: 0.667,
      upper_percentile: 1.0,
    });
    // lo = int(0.667*6) = 4, hi = 6: ascending ranks 5..6 are 0.8 and 0.9.
    expect(out).toEqual([0, 5]);
  });

  it('combines percentiles with ranks and clamps hi to at least lo', async () => {
    const mid = await runSelector(rangeSpecifiedFieldSelector, scores, {
      field_key: '__dj__stats__.s',
      lower_rank: 1,
      upper_percentile: 0.5,
    });
    // lo = max(0, 1) = 1, hi = int(0.5*6) = 3: ascending 0.1, 0.2, 0.5 -> ranks 2..3 = 0.2, 0.5 -> descending.
    expect(mid).toEqual([2, 1]);
    const empty = await runSelector(rangeSpecifiedFieldSelector, scores, {
      field_key: '__dj__stats__.s',
      lower_rank: 4,
      upper_rank: 2,
    });
    expect(empty).toEqual([]);
  });

  it('returns everything unchanged when a bound kind is missing', async () => {
    const out = await runSelector(rangeSpecifiedFieldSelector, scores, { field_key: 'x.y', lower_percentile: 0.5 });
    expect(out).toEqual([0, 1, 2, 3, 4, 5]);
  });
});
