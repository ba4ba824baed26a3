import { describe, expect, it } from 'vitest';
import { createFilter, runFilter } from '../test-helpers/run-filter.ts';
import { textActionFilter } from './text-action-filter.ts';

describe('text_action_filter', () => {
  it('counts verbs and drops texts without an action', async () => {
    const out = await runFilter(textActionFilter, [
      'The dogs ran quickly to their owner and barked.',
      'A red bus.',
      '<__dj__image> A man is riding a horse. <|__dj__eoc|>',
    ]);
    expect(out.map((o) => o.stats.num_action)).toEqual([2, 0, 1]);
    expect(out.map((o) => o.keep)).toEqual([true, false, true]);
  });

  it('applies min_action_num as a lower bound', async () => {
    const out = await runFilter(textActionFilter, ['She opened the door.', 'She opened the door and walked out.'], {
      min_action_num: 2,
    });
    expect(out.map((o) => o.keep)).toEqual([false, true]);
  });

  it('rejects Chinese with a clear config error', async () => {
    await expect(createFilter(textActionFilter, { lang: 'zh' })).rejects.toThrow(/language 'zh' is not supported/);
  });
});
