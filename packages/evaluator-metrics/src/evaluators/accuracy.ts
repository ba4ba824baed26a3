import { type ConfigTree, defineComponent, multiOutput } from '@dj-sandbox/core';
import { zipRows } from '../io/read-rows.ts';
import { pythonStr, readKey } from '../values/python-values.ts';
import { bestOf, readPairConfig } from './pair-config.ts';

/** One accuracy result, per dataset pair. `accuracy` is null when the pair had no rows. */
export interface AccuracyResult {
  pred_path: string;
  gt_path: string;
  accuracy: number | null;
}

/**
 * `DataEvaluator` type `accuracy` (docs/evaluators.md#accuracy): per dataset pair, the share of rows whose predicted
 * label equals the ground-truth label as Python strings (`str(pred) == str(gt)`, a missing value is `None`).
 * Returns two outputs: the per-pair results and the highest accuracy. A pair with no rows gets `accuracy: null`
 * (the reference divided by zero); when no pair has rows, the job fails.
 */
export const accuracyEvaluator = defineComponent<ConfigTree>({
  kind: 'DataEvaluator',
  type: 'accuracy',
  description: 'Label accuracy of predicted datasets against ground truth; returns (results, max_accuracy).',
  create(config, env) {
    const { pairs, predKey, gtKey } = readPairConfig(config, env, {
      pred: 'predicted_label_key',
      gt: 'ground_truth_label_key',
      what: 'label',
    });
    return {
      async run() {
        const results: AccuracyResult[] = [];
        for (const pair of pairs) {
          let hit = 0;
          let total = 0;
          for await (const [pred, gt] of zipRows(pair.predFile, pair.gtFile)) {
            total++;
            if (pythonStr(readKey(pred, predKey)) === pythonStr(readKey(gt, gtKey))) hit++;
          }
          if (total === 0) env.logger.warn(`No rows to score in ${pair.predPath}: its accuracy is null.`);
          results.push({ pred_path: pair.predPath, gt_path: pair.gtPath, accuracy: total === 0 ? null : hit / total });
        }
        return multiOutput(
          results,
          bestOf(
            results.map((r) => r.accuracy),
            'max',
            env,
            'accuracy',
          ),
        );
      },
    };
  },
});
