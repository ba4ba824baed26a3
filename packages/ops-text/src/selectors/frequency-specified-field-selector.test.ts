import { describe, expect, it } from 'vitest';
import { runSelector } from '../test-helpers/run-selector.ts';
import { frequencySpecifiedFieldSelector } from './frequency-specified-field-selector.ts';

// meta.src of a demo-like dataset: customized ×3, code ×2, Arxiv ×1.
const src = ['Arxiv', 'code', 'customized', 'customized', 'code', 'customized'];

describe('frequency_specified_field_selector', () => {
  it('keeps the samples of the most frequent values, group by group', async () => {
    const out = await runSelector(frequencySpecifiedFieldSelector, src, { field_key: 'meta.src', topk: 2 });
    expect(out).toEqual([2, 3, 5, 1, 4]);
  });

  it('uses int(top_ratio * distinct values) and the rarest groups with reverse false', async () => {
    const out = await runSelector(frequencySpecifiedFieldSelector, src, {
      field_key: 'meta.src',
      top_ratio: 0.7,
      reverse: false,
    });
    // int(0.7 * 3) = 2 groups: Arxiv (1), code (2).
    expect(out).toEqual([0, 1, 4]);
  });

  it('treats 1, 1.0 and true as one value, like Python dict keys', async () => {
    const out = await runSelector(frequencySpecifiedFieldSelector, [1, 'x', 1.0, true, 'x'], {
      field_key: 'v',
      topk: 1,
    });
    expect(out).toEqual([0, 2, 3]);
  });
});
