import type { ModelMetrics } from '../model/quality-model.ts';

/**
 * Binary metrics at threshold 0.5: plain precision, recall, F1 and accuracy, plus Data-Juicer's eval.py variants
 * (every count smoothed by +1, recall over the number of positives).
 */
export function binaryMetrics(scores: ArrayLike<number>, labels: ArrayLike<number>): ModelMetrics {
  let tp = 0;
  let fp = 0;
  let tn = 0;
  let fn = 0;
  for (let i = 0; i < scores.length; i++) {
    const predicted = scores[i]! > 0.5 ? 1 : 0;
    if (predicted === 1 && labels[i] === 1) tp++;
    else if (predicted === 1) fp++;
    else if (labels[i] === 1) fn++;
    else tn++;
  }
  const positives = tp + fn;
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = positives === 0 ? 0 : tp / positives;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  const djPrecision = (tp + 1) / (tp + 1 + fp + 1);
  const djRecall = positives === 0 ? 0 : (tp + 1) / positives;
  const djF1 = (2 * djPrecision * djRecall) / (djPrecision + djRecall);
  return {
    samples: scores.length,
    positives,
    precision,
    recall,
    f1,
    accuracy: scores.length === 0 ? 0 : (tp + tn) / scores.length,
    djPrecision,
    djRecall,
    djF1,
  };
}
