import { type ConfigTree, defineComponent, multiOutput } from '@dj-sandbox/core';
import { zipRows } from '../io/read-rows.ts';
import { pythonFloat, readKey } from '../values/python-values.ts';
import { bestOf, readPairConfig } from './pair-config.ts';

/** One MSE result, per dataset pair, in the reference's key order. `mse` is null when no row parsed. */
export interface MseResult {
  pred_path: string;
  gt_path: string;
  mse: number | null;
  format_error: number;
}

/**
 * `DataEvaluator` type `mse` (docs/evaluators.md#mse): per dataset pair, the mean squared error between the
 * predicted and ground-truth values parsed as Python `float()` does; a value that does not parse (null and missing
 * values included, where the reference raised) is a `format_error` and its row is skipped. Returns two outputs:
 * the per-pair results and the lowest MSE. A pair where no row parsed gets `mse: null` (the reference divided by
 * zero); when no pair has a parsed row, the job fails.
 */
export const mseEvaluator = defineComponent<ConfigTree>({
  kind: 'DataEvaluator',
  type: 'mse',
  description: 'Mean squared error of predicted values against ground truth; returns (results, min_mse).',
  create(config, env) {
    const { pairs, predKey, gtKey } = readPairConfig(config, env, {
      pred: 'predicted_value_key',
      gt: 'ground_truth_value_key',
      what: 'value',
    });
    return {
      async run() {
        const results: MseResult[] = [];
        for (const pair of pairs) {
          let sum = 0;
          let ok = 0;
          let formatError = 0;
          for await (const [pred, gt] of zipRows(pair.predFile, pair.gtFile)) {
            const p = pythonFloat(readKey(pred, predKey));
            const g = pythonFloat(readKey(gt, gtKey));
            if (p === undefined || g === undefined) {
              formatError++;
              continue;
            }
            sum += (p - g) ** 2;
            ok++;
          }
          if (ok === 0) env.logger.warn(`No row of ${pair.predPath} has parsable values: its mse is null.`);
          results.push({
            pred_path: pair.predPath,
            gt_path: pair.gtPath,
            mse: ok === 0 ? null : sum / ok,
            format_error: formatError,
          });
        }
        return multiOutput(
          results,
          bestOf(
            results.map((r) => r.mse),
            'min',
            env,
            'mse',
          ),
        );
      },
    };
  },
});
