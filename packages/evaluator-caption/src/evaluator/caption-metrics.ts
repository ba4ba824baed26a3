import { type ComponentDefinition, type ConfigTree, defineComponent, pythonEnvsRef } from '@dj-sandbox/core';
import { type CaptionScores, scoreCaptions } from '../metrics/score-captions.ts';
import { CAPTION_METRICS, captionConfigError, readCaptionConfig } from './caption-config.ts';
import { readCaptionPairs } from './read-captions.ts';

/** One dataset's result: the metrics asked for, in pycocoevalcap's order, and their mean `avg_score`. */
export type CaptionMetricsResult = CaptionScores & { avg_score: number };

function createCaptionMetrics(kind: 'DataEvaluator' | 'ModelEvaluator'): ComponentDefinition<ConfigTree> {
  return defineComponent<ConfigTree>({
    kind,
    type: 'caption_metrics',
    description: 'BLEU-1..4, METEOR, ROUGE-L and CIDEr-D of candidate captions against references (= pycocoevalcap).',
    create(config, env) {
      const settings = readCaptionConfig(config, env);
      const component = `[plugin:evaluator-caption] [job:${env.scope.metaName ?? 'anonymous'}] METEOR`;
      const meteorEnv = () => env.resolve(pythonEnvsRef).ensure(settings.meteorEnv, { component, signal: env.signal });
      return {
        async run() {
          const results: CaptionMetricsResult[] = [];
          for (const dataset of settings.datasets) {
            const { pairs, problems } = await readCaptionPairs(
              dataset.file,
              settings.candidateKey,
              settings.referencesKey,
            );
            if (problems.length > 0 || pairs.length === 0) {
              throw captionConfigError(env, 'dataset_path', `${dataset.path} has rows without captions to score.`, {
                expected: `rows with a string "${settings.candidateKey}" and a non-empty list of strings "${settings.referencesKey}"`,
                received:
                  pairs.length === 0 && problems.length === 0
                    ? 'no rows'
                    : problems
                        .slice(0, 5)
                        .map((p) => `row ${p.row}: ${p.problem}`)
                        .join('; ') + (problems.length > 5 ? `; and ${problems.length - 5} more` : ''),
                fix: 'Fix those rows, or set candidate_key / references_key to the fields that hold the captions.',
              });
            }
            const scores = await scoreCaptions(pairs, settings.metrics, meteorEnv, { signal: env.signal, component });
            const values = CAPTION_METRICS.flatMap((m) => (scores[m] === undefined ? [] : [scores[m]]));
            const avg = values.reduce((a, b) => a + b, 0) / values.length;
            env.logger.info(
              `${dataset.path}: ${Object.entries(scores)
                .map(([k, v]) => `${k}: ${v}`)
                .join(', ')}`,
            );
            results.push({ ...scores, avg_score: avg });
          }
          return results;
        },
      };
    },
  });
}

/**
 * `DataEvaluator` type `caption_metrics`: for each `dataset_path` (rows holding a candidate caption and its
 * references), the corpus BLEU-1..4, METEOR, ROUGE-L and CIDEr-D that pycocoevalcap computes, plus their mean
 * `avg_score`; one mapping per existing dataset (recording unpacks a list of one).
 */
export const captionMetricsDataEvaluator = createCaptionMetrics('DataEvaluator');

/** `ModelEvaluator` type `caption_metrics`: the same evaluator for `EvaluateModelHook` (captions a model wrote). */
export const captionMetricsModelEvaluator = createCaptionMetrics('ModelEvaluator');
