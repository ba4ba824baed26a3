import { describe, expect, it } from 'vitest';
import { REFERENCE_ROWS } from '../test-helpers/reference-table.ts';
import { round6, runFilter } from '../test-helpers/run-filter.ts';
import { alphanumericFilter } from './alphanumeric-filter.ts';

describe('alphanumeric_filter', () => {
  it('computes alnum_ratio equal to the Data-Juicer reference values', async () => {
    const out = await runFilter(
      alphanumericFilter,
      REFERENCE_ROWS.map((r) => r.text),
    );
    expect(out.map((o) => round6(o.stats.alnum_ratio))).toEqual(REFERENCE_ROWS.map((r) => r.alnum_ratio));
  });

  it('gives 0.0 for empty text and counts an emoji as one non-alphanumeric code point', async () => {
    const out = await runFilter(alphanumericFilter, ['', 'ab😀', '١٢٣']);
    expect(out.map((o) => o.stats.alnum_ratio)).toEqual([0, 2 / 3, 1]);
    expect(out[0]!.keep).toBe(false);
  });

  it('writes alpha_token_ratio as alphabetic chars per token with tokenization on', async () => {
    const out = await runFilter(alphanumericFilter, ['hello world', ''], { tokenization: true });
    // "hello world" is two GPT-2 family BPE tokens ("hello", " world") holding 10 letters.
    expect(out[0]!.stats).toEqual({ alpha_token_ratio: 5 });
    expect(out[1]!.stats).toEqual({ alpha_token_ratio: 0 });
  });

  it('declares the stats key that the tokenization flag selects', () => {
    expect(alphanumericFilter.statsKeys?.({ tokenization: true } as never)).toEqual(['alpha_token_ratio']);
    expect(alphanumericFilter.statsKeys?.({ tokenization: false } as never)).toEqual(['alnum_ratio']);
  });
});
