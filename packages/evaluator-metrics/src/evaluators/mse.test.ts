import { describe, expect, it } from 'vitest';
import { evaluate } from '../test-helpers/evaluate-run.ts';

const base = { type: 'mse', predicted_value_key: 'grades', ground_truth_value_key: 'truth' };

describe('mse evaluator', () => {
  it('scores grader outputs against the truth of the same rows and returns (results, min_mse)', async () => {
    const out = await evaluate({
      ...base,
      predicted_dataset_path: ['grades_prompt_a.jsonl', 'grades_prompt_b.jsonl'],
    });
    // Expected values computed in Python with float() per row:
    // prompt a: 17 parsable rows, squared error sum 0.35 -> 0.020588...; "N/A", null and "Score: 0.4" are errors.
    expect(out.results).toEqual({
      found: true,
      value: [
        {
          pred_path: 'grades_prompt_a.jsonl',
          gt_path: 'grades_prompt_a.jsonl',
          mse: expect.closeTo(0.02058823529411765, 15),
          format_error: 3,
        },
        { pred_path: 'grades_prompt_b.jsonl', gt_path: 'grades_prompt_b.jsonl', mse: 0.25, format_error: 0 },
      ],
    });
    expect(out.best).toEqual({ found: true, value: expect.closeTo(0.02058823529411765, 15) });
  });

  it('keeps the results key order of the reference', async () => {
    const out = await evaluate({ ...base, predicted_dataset_path: 'grades_prompt_b.jsonl' });
    expect(Object.keys((out.results!.found && (out.results!.value as object[])[0]) || {})).toEqual([
      'pred_path',
      'gt_path',
      'mse',
      'format_error',
    ]);
  });

  it('reads the ground truth from a separate dataset when one is given', async () => {
    const out = await evaluate({
      ...base,
      predicted_dataset_path: 'grades_prompt_b.jsonl',
      ground_truth_dataset_path: 'init_infer_dataset.jsonl',
    });
    expect(out.best).toEqual({ found: true, value: 0.25 });
  });

  it('gives a null mse to a pair with no parsable row and still returns the best of the others', async () => {
    const out = await evaluate({
      ...base,
      predicted_dataset_path: ['grades_empty.jsonl', 'grades_prompt_b.jsonl'],
    });
    expect(out.results).toEqual({
      found: true,
      value: [
        { pred_path: 'grades_empty.jsonl', gt_path: 'grades_empty.jsonl', mse: null, format_error: 0 },
        { pred_path: 'grades_prompt_b.jsonl', gt_path: 'grades_prompt_b.jsonl', mse: 0.25, format_error: 0 },
      ],
    });
    expect(out.best).toEqual({ found: true, value: 0.25 });
  });

  it('fails with a clear message, not a division by zero, when no pair has a parsable row', async () => {
    await expect(
      evaluate({ ...base, predicted_value_key: 'no_such_key', predicted_dataset_path: 'grades_prompt_a.jsonl' }),
    ).rejects.toThrow(/\[plugin:evaluator-metrics\] \[job:eval\].*no dataset pair had a row to compute mse on/s);
  });

  it('skips pairs whose files are missing and fails when none remain', async () => {
    const out = await evaluate({ ...base, predicted_dataset_path: ['missing.jsonl', 'grades_prompt_b.jsonl'] });
    expect(out.results!.found && (out.results!.value as unknown[]).length).toBe(1);
    await expect(evaluate({ ...base, predicted_dataset_path: 'missing.jsonl' })).rejects.toThrow(
      /Please specify a valid predicted dataset path/,
    );
  });

  it('names the missing key config and the fix', async () => {
    await expect(
      evaluate({ type: 'mse', predicted_dataset_path: 'grades_prompt_a.jsonl', ground_truth_value_key: 'truth' }),
    ).rejects.toThrow(
      /extra_configs\.predicted_value_key: Please specify the predicted value key.*Add predicted_value_key/s,
    );
  });
});
