import { describe, expect, it } from 'vitest';
import { REFERENCE_ROWS } from '../test-helpers/reference-table.ts';
import { fixtureTexts, runFilter } from '../test-helpers/run-filter.ts';
import { textLengthFilter } from './text-length-filter.ts';

describe('text_length_filter', () => {
  it('computes text_len equal to the Data-Juicer reference values', async () => {
    const out = await runFilter(
      textLengthFilter,
      REFERENCE_ROWS.map((r) => r.text),
    );
    expect(out.map((o) => o.stats.text_len)).toEqual(REFERENCE_ROWS.map((r) => r.text_len));
  });

  it('counts code points, not UTF-16 units, for emoji and astral CJK', async () => {
    const out = await runFilter(textLengthFilter, ['😀😀a', '𠀀𠀁', '', 'a\r\nb']);
    expect(out.map((o) => o.stats.text_len)).toEqual([3, 2, 0, 4]);
  });

  it('keeps the demo dataset samples with at least 10 code points by default', async () => {
    const out = await runFilter(textLengthFilter, fixtureTexts('data-demo-dataset.jsonl'));
    expect(out.map((o) => o.keep)).toEqual([true, true, false, true, false, true]);
  });

  it('drops samples inside the open interval when reversed_range is set', async () => {
    const out = await runFilter(textLengthFilter, ['a'.repeat(5), 'a'.repeat(10), 'a'.repeat(15), 'a'.repeat(20)], {
      min_len: 10,
      max_len: 20,
      reversed_range: true,
    });
    expect(out.map((o) => o.keep)).toEqual([true, true, false, true]);
  });

  it('reuses a text_len stat already present instead of recomputing it', async () => {
    const { createFilter } = await import('../test-helpers/run-filter.ts');
    const filter = await createFilter(textLengthFilter);
    const sample = { text: 'short', __dj__stats__: { text_len: 99 } };
    await filter.computeStats([sample]);
    expect(sample.__dj__stats__.text_len).toBe(99);
    expect(filter.keep(sample)).toBe(true);
  });

  it('reads the text from a nested text_key', async () => {
    const { createFilter } = await import('../test-helpers/run-filter.ts');
    const filter = await createFilter(textLengthFilter, { text_key: 'meta.body', num_proc: 4, accelerator: 'cpu' });
    const sample = { meta: { body: 'twelve chars' }, __dj__stats__: {} as Record<string, unknown> };
    await filter.computeStats([sample]);
    expect(sample.__dj__stats__.text_len).toBe(12);
  });
});
