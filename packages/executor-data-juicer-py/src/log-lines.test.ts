import { describe, expect, it } from 'vitest';
import { parseOperatorDone, parseResultLine, parseSamplesIn } from './log-lines.ts';
import { parseOverallCsv } from './overall-csv.ts';

describe("reading Data-Juicer's output", () => {
  it('parses the operator lines of its default executor', () => {
    const line =
      '2026-12-06 19:29:58.735 | INFO     | data_juicer.core.data.dj_dataset:310 - [2/3] OP [video_duration_filter] Done in 4.116s. Left 5 samples.';
    expect(parseOperatorDone(line)).toEqual({
      position: 2,
      total: 3,
      name: 'video_duration_filter',
      seconds: 4.116,
      samplesOut: 5,
    });
    expect(parseOperatorDone('[1/3] loading')).toBeUndefined();
  });

  it('reads the input sample count and the runner result', () => {
    expect(
      parseSamplesIn('... data_juicer.format.formatter:236 - There are 6 sample(s) in the original dataset.'),
    ).toBe(6);
    expect(parseResultLine('__dj_sandbox_result__ {"mode": "process", "samples_out": 5}')).toEqual({
      mode: 'process',
      samples_out: 5,
    });
  });

  it("reads the analyzer's overall.csv into the native table shape, numeric rows only", () => {
    const csv = [
      ',text_len,video_duration,lang',
      'count,6.0,6.0,6',
      'mean,54.666666666666664,15.394444333333334,',
      'std,26.605763846543585,5.453446,',
      'unique,,,2',
      'top,,,en',
      'freq,,,4',
      '"50%",68.0,12.0,',
    ].join('\n');
    expect(parseOverallCsv(csv)).toEqual({
      text_len: { count: 6, mean: 54.666666666666664, std: 26.605763846543585, '50%': 68 },
      video_duration: { count: 6, mean: 15.394444333333334, std: 5.453446, '50%': 12 },
      lang: { count: 6, mean: null, std: null, '50%': null },
    });
  });
});
