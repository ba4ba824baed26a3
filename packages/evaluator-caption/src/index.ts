export {
  CAPTION_METRICS,
  type CaptionMetricName,
  type CaptionMetricsConfig,
  readCaptionConfig,
} from './evaluator/caption-config.ts';
export {
  type CaptionMetricsResult,
  captionMetricsDataEvaluator,
  captionMetricsModelEvaluator,
} from './evaluator/caption-metrics.ts';
export { type CaptionRowProblem, readCaptionPairs } from './evaluator/read-captions.ts';
export { type BleuScores, bleu } from './metrics/bleu.ts';
export type { CaptionPair, CorpusScore } from './metrics/caption-pair.ts';
export { cider } from './metrics/cider.ts';
export { meteor, PYCOCOEVALCAP_REQUIREMENT } from './metrics/meteor.ts';
export { lcsLength, rouge, rougeL } from './metrics/rouge.ts';
export { type CaptionScores, scoreCaptions } from './metrics/score-captions.ts';
export { default } from './plugin.ts';
export { PUNCTUATIONS, ptbTokens, tokenizeCaption } from './tokenize/ptb-tokenizer.ts';
