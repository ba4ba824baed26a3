import { describe, expect, it } from 'vitest';
import { evaluate } from '../test-helpers/evaluate-run.ts';

const base = {
  type: 'accuracy',
  predicted_label_key: 'meta.label',
  ground_truth_label_key: 'truth',
  ground_truth_dataset_path: ['init_infer_dataset.jsonl'],
};

describe('accuracy evaluator', () => {
  it('compares labels as Python strings over the shorter file and returns (results, max_accuracy)', async () => {
    const out = await evaluate({ ...base, predicted_dataset_path: 'labels_pred.jsonl' });
    // 18 predictions against 20 truths: zip stops at 18; 15 match as str() ("1" == str(1)); checked in Python.
    expect(out.results).toEqual({
      found: true,
      value: [{ pred_path: 'labels_pred.jsonl', gt_path: 'init_infer_dataset.jsonl', accuracy: 15 / 18 }],
    });
    expect(out.best).toEqual({ found: true, value: 15 / 18 });
  });

  it('reads a .json array dataset the same way as JSON Lines', async () => {
    const out = await evaluate({ ...base, predicted_dataset_path: 'labels_pred.json' });
    expect(out.best).toEqual({ found: true, value: 15 / 18 });
  });

  it('takes the ground truth from the predicted file when no ground truth is given', async () => {
    const out = await evaluate({
      type: 'accuracy',
      predicted_label_key: 'truth',
      ground_truth_label_key: 'truth',
      predicted_dataset_path: ['init_infer_dataset.jsonl', 'grades_empty.jsonl'],
    });
    expect(out.results).toEqual({
      found: true,
      value: [
        { pred_path: 'init_infer_dataset.jsonl', gt_path: 'init_infer_dataset.jsonl', accuracy: 1 },
        { pred_path: 'grades_empty.jsonl', gt_path: 'grades_empty.jsonl', accuracy: null },
      ],
    });
  });

  it('fails clearly on empty data instead of dividing by zero', async () => {
    await expect(
      evaluate({ ...base, ground_truth_dataset_path: [], predicted_dataset_path: 'grades_empty.jsonl' }),
    ).rejects.toThrow(/no dataset pair had a row to compute accuracy on.*not empty/s);
  });

  it('requires one ground-truth path per predicted path', async () => {
    await expect(
      evaluate({ ...base, predicted_dataset_path: ['labels_pred.jsonl', 'labels_pred.json'] }),
    ).rejects.toThrow(/one ground-truth path per predicted path.*2 path\(s\)/s);
  });
});
