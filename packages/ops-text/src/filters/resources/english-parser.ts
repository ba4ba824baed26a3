import { createRequire } from 'node:module';
import { configError } from '@dj-sandbox/core';

const require = createRequire(import.meta.url);

/** One token with its universal part-of-speech tag. */
export interface TaggedToken {
  text: string;
  /** Universal POS tag (VERB, NOUN, PROPN, PRON, DET, ADJ, ADP, PUNCT, ...). */
  pos: string;
}

/** Cuts a text into sentences of POS-tagged tokens. */
export type SentenceTagger = (text: string) => TaggedToken[][];

let tagger: SentenceTagger | undefined;

/**
 * The POS tagger that replaces spaCy `en_core_web_md` in the spaCy-based filters: wink-nlp with
 * `wink-eng-lite-web-model` (universal POS tags, sentence boundaries; no dependency parse). Only English exists:
 * another `lang` is a config error.
 */
export function sentenceTaggerFor(lang: string, op: string): SentenceTagger {
  if (lang !== 'en') {
    throw configError('op-lang-unsupported', `${op}: language '${lang}' is not supported here`, {
      path: `${op}.lang`,
      expected: "'en' (wink-nlp English model; Data-Juicer's zh spaCy model has no JavaScript counterpart)",
      received: lang,
      fix: 'use lang: en, or remove this op for Chinese data',
    });
  }
  if (!tagger) {
    const winkNLP = require('wink-nlp') as (model: unknown) => WinkNlp;
    const nlp = winkNLP(require('wink-eng-lite-web-model'));
    tagger = (text) => {
      const sentences: TaggedToken[][] = [];
      nlp
        .readDoc(text)
        .sentences()
        .each((s) => {
          const words = s.tokens().out() as string[];
          const tags = s.tokens().out(nlp.its.pos) as string[];
          sentences.push(words.map((w, i) => ({ text: w, pos: tags[i] ?? 'X' })));
        });
      return sentences;
    };
  }
  return tagger;
}

interface WinkCollection {
  out(as?: unknown): unknown;
}

interface WinkNlp {
  its: { pos: unknown };
  readDoc(text: string): {
    sentences(): { each(fn: (s: { tokens(): WinkCollection }) => void): void };
  };
}
