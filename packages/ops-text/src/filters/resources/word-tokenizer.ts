import { createRequire } from 'node:module';
import type { WordTokenizer } from '../../common/words.ts';

const require = createRequire(import.meta.url);

interface JiebaLike {
  cut(sentence: string, hmm?: boolean): string[];
}

let jieba: JiebaLike | undefined;

function loadJieba(): JiebaLike {
  if (!jieba) {
    // The native binding loads only when a Chinese tokenizing filter is configured.
    const { Jieba } = require('@node-rs/jieba') as { Jieba: { withDict(dict: Uint8Array): JiebaLike } };
    const { dict } = require('@node-rs/jieba/dict') as { dict: Uint8Array };
    jieba = Jieba.withDict(dict);
  }
  return jieba;
}

/**
 * The word tokenizer that replaces Data-Juicer's sentencepiece `{lang}.sp.model` when `tokenization: true`:
 * jieba (HMM on) for `zh`, `Intl.Segmenter` word segments for every other language. Whitespace segments are dropped;
 * punctuation stays a word, as sentencepiece pieces do, and is removed by the usual stripping.
 */
export function wordTokenizerFor(lang: string): WordTokenizer {
  if (lang === 'zh' || lang.startsWith('zh-')) {
    const cutter = loadJieba();
    return (text) => cutter.cut(text, true).filter((w) => w.trim().length > 0);
  }
  const segmenter = new Intl.Segmenter(lang || 'en', { granularity: 'word' });
  return (text) => {
    const words: string[] = [];
    for (const s of segmenter.segment(text)) if (s.segment.trim().length > 0) words.push(s.segment);
    return words;
  };
}
