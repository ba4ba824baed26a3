/** One image's tokenised candidate caption and its tokenised reference captions. */
export interface CaptionPair {
  readonly candidate: string;
  readonly references: readonly string[];
}

/** A corpus score and the per-image scores it came from, as pycocoevalcap's `compute_score` returns them. */
export interface CorpusScore {
  readonly score: number;
  readonly perImage: readonly number[];
}
