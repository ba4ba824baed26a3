import { defineOperator } from '@dj-sandbox/core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeCatalogued, describeOperator, operatorsMarkdown } from './ops.ts';

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

describe('operators of another engine', () => {
  it('are listed after the native ones, with their engine, kind and stats keys', () => {
    const doc = describeCatalogued(
      {
        name: 'video_duration_filter',
        kind: 'filter',
        engine: 'python',
        description: "Keep data samples whose videos' durations are within a specified range.",
        params: { min_duration: { default: 0, type: 'float', optional: true } },
        statsKeys: ['video_duration'],
      },
      'executor-data-juicer-py',
    );
    expect(doc.params.min_duration).toEqual({ type: 'float', default: 0 });
    const markdown = operatorsMarkdown([doc]);
    expect(markdown).toContain('## Operators run by another engine');
    expect(markdown).toContain(
      "| `video_duration_filter` | filter | python | `video_duration` | Keep data samples whose videos' durations are within a specified range. |",
    );
  });
});
