import { stripVTControlCharacters } from 'node:util';
import type { TrackedMetric } from '@dj-sandbox/core';
import { describe, expect, it } from 'vitest';
import { renderSummary, summaryRows } from './summary.ts';

const metric = (
  pipeline: string,
  job: string,
  key: string,
  value: unknown,
  extra: Partial<TrackedMetric> = {},
): TrackedMetric => ({
  iteration: 1,
  pipeline,
  job,
  key,
  value,
  time: '',
  ...extra,
});

describe('the results table', () => {
  it('puts pipelines side by side and leaves out curves, analysis tables and other iterations', () => {
    const history = [
      metric('refined', 'eval_data', 'eval_data', 0.81),
      metric('refined', 'eval_model', 'eval_model.bits_per_byte', 1.2345),
      metric('refined', 'train', 'train.loss', 5, { step: 10 }),
      metric('refined', 'probe', 'probe.text_len.mean', 100),
      metric('raw', 'eval_data', 'eval_data', 0.66),
      metric('raw', 'eval_model', 'eval_model.bits_per_byte', 1.5),
      metric('raw', 'eval_model', 'eval_model.bits_per_byte', 9, { iteration: 2 }),
    ];
    expect(stripVTControlCharacters(renderSummary(summaryRows(history, 1), 1))).toBe(
      [
        'Results (iteration 1)',
        'job metric                refined     raw',
        'eval_data value            0.8100  0.6600',
        'eval_model bits_per_byte    1.234   1.500',
      ].join('\n'),
    );
  });

  it('labels the rows of a job that has no meta_name, as the progress lines do', () => {
    const history = [
      metric('p', null as unknown as string, '', 0.5),
      metric('p', null as unknown as string, 'acc', 0.9),
    ];
    const table = stripVTControlCharacters(renderSummary(summaryRows(history, 1), 1));
    expect(table).toContain('(no meta_name) value');
    expect(table).toContain('(no meta_name) acc');
    expect(table).not.toMatch(/\n value /);
  });
});
