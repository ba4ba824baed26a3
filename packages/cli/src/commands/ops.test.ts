import { defineOperator } from '@dj-sandbox/core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeOperator, operatorsMarkdown } from './ops.ts';

const lengthFilter = defineOperator({
  name: 'text_length_filter',
  kind: 'filter',
  description: 'Keeps samples whose text length is within [min_len, max_len].',
  params: z.looseObject({
    min_len: z.number().min(0).default(10).describe('Minimum length.'),
    max_len: z.number().default(100).describe('Maximum length.'),
    num_proc: z.number().optional(),
  }),
  statsKeys: () => ['text_len'],
  requires: [],
  create: () => ({ computeStats: () => {}, keep: () => true }),
});

describe('the operator reference', () => {
  it('lists each operator with its own parameters, defaults and stats keys, and the common ones once', async () => {
    const doc = await describeOperator(lengthFilter, 'ops-text');
    expect(doc.statsKeys).toEqual(['text_len']);
    const markdown = operatorsMarkdown([doc]);
    expect(markdown).toContain('| `min_len` | number | `10` | Minimum length. |');
    expect(markdown).toContain('Stats keys: `text_len`');
    expect(markdown).not.toContain('| `num_proc`');
    expect(markdown).toContain("Data-Juicer's common parameters (`image_key`");
  });
});
