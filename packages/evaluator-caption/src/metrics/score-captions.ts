import type { PythonEnv } from '@dj-sandbox/core';
import type { CaptionMetricName } from '../evaluator/caption-config.ts';
import { bleu } from './bleu.ts';
import type { CaptionPair } from './caption-pair.ts';
import { cider } from './cider.ts';
import { meteor } from './meteor.ts';
import { rouge } from './rouge.ts';

/** Corpus scores by metric name, in the order asked for. */
export type CaptionScores = Partial<Record<CaptionMetricName, number>>;

/**
 * Scores tokenised caption pairs with the metrics asked for, as pycocoevalcap's `COCOEvalCap.evaluate` does (one
 * candidate per image, document frequencies from this set's references). `meteorEnv` is only called when METEOR
 * is asked for.
 */
export async function scoreCaptions(
  pairs: readonly CaptionPair[],
  metrics: readonly CaptionMetricName[],
  meteorEnv: () => Promise<PythonEnv>,
  options: { signal?: AbortSignal; component?: string } = {},
): Promise<CaptionScores> {
  const wanted = new Set(metrics);
  const scores: CaptionScores = {};
  if (metrics.some((m) => m.startsWith('Bleu_'))) {
    const b = bleu(pairs, 4);
    for (let k = 0; k < 4; k++) {
      const name = `Bleu_${k + 1}` as CaptionMetricName;
      if (wanted.has(name)) scores[name] = b.corpus[k]!;
    }
  }
  if (wanted.has('METEOR')) scores.METEOR = (await meteor(pairs, await meteorEnv(), options)).score;
  if (wanted.has('ROUGE_L')) scores.ROUGE_L = rouge(pairs).score;
  if (wanted.has('CIDEr')) scores.CIDEr = cider(pairs).score;
  return scores;
}
