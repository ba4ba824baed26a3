import { describe, expect, it } from 'vitest';
import { runSelector } from '../test-helpers/run-selector.ts';
import { topkSpecifiedFieldSelector } from './topk-specified-field-selector.ts';

const stats = [5, 1, 9, 5, 7, 3];

describe('topk_specified_field_selector', () => {
  it('keeps the topk largest stats in descending order, ties in index order', async () => {
    const out = await runSelector(topkSpecifiedFieldSelector, stats, { field_key: '__dj__stats__.text_len', topk: 4 });
    expect(out).toEqual([2, 4, 0, 3]);
  });

  it('takes int(top_ratio * N) capped by topk, smallest first with reverse false', async () => {
    const ratio = await runSelector(topkSpecifiedFieldSelector, stats, {
      field_key: '__dj__stats__.x',
      top_ratio: 0.5,
      reverse: false,
    });
    const capped = await runSelector(topkSpecifiedFieldSelector, stats, {
      field_key: '__dj__stats__.x',
      top_ratio: 0.5,
      topk: 2,
    });
    expect(ratio).toEqual([1, 5, 0]);
    expect(capped).toEqual([2, 4]);
  });

  it('turns lists, numeric strings and missing stats into numbers for dotted keys', async () => {
    const out = await runSelector(topkSpecifiedFieldSelector, [[1, 3], '2.5', null, [], 'x', 4], {
      field_key: '__dj__stats__.image_width',
      topk: 6,
    });
    // means/floats: 2, 2.5, -MAXSIZE, -MAXSIZE, -MAXSIZE, 4
    expect(out).toEqual([5, 1, 0, 2, 3, 4]);
  });

  it('orders raw top-level string values as Python does', async () => {
    const out = await runSelector(topkSpecifiedFieldSelector, ['b', 'a', 'c'], { field_key: 'name', topk: 2 });
    expect(out).toEqual([2, 0]);
  });

  it('returns everything unchanged without field_key or without a size', async () => {
    expect(await runSelector(topkSpecifiedFieldSelector, stats, { topk: 2 })).toEqual([0, 1, 2, 3, 4, 5]);
    expect(await runSelector(topkSpecifiedFieldSelector, stats, { field_key: 'a.b' })).toEqual([0, 1, 2, 3, 4, 5]);
  });
});
