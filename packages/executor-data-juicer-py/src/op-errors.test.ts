import { describe, expect, it } from 'vitest';
import { SkippedErrors } from './op-errors.ts';

describe('samples Data-Juicer skipped after an operator error', () => {
  it('are counted per operator with the first message, so the loss is not silent', () => {
    const errors = new SkippedErrors();
    const line = (n: number) =>
      `2026-12-06 20:01:37.6${n} | ERROR    | data_juicer.ops.base_op:269 - An error occurred in video_resolution_filter: 'VideoCodecContext' object has no attribute 'close' -- Traceback (most recent call last):`;
    expect(errors.take(line(1))).toBe(true);
    expect(errors.take(line(2))).toBe(true);
    expect(errors.take('2026-12-06 | INFO | data_juicer.core.data.dj_dataset:310 - [1/2] OP [x] Done')).toBe(false);
    expect(errors.summaries()).toEqual([
      "Data-Juicer's video_resolution_filter failed on 2 samples and skipped them (skip_op_error): 'VideoCodecContext' object has no attribute 'close'",
    ]);
  });
});
