import { z } from 'zod';
import { opParams } from '../common/base-params.ts';
import { codePointLength } from '../common/code-points.ts';
import { defineTextMapper } from './internal/define-text-mapper.ts';
import { compilePyRegex, pyReplacement } from './internal/py-regex.ts';
import { pyStrip } from './internal/py-text.ts';

const NAME = 'remove_repeat_sentences_mapper';
// Data-Juicer's split_sentence patterns, verbatim; the last class literally holds `{`, `6`, `}` and `2` [quirk].
const SPLITTERS = [
  String.raw`([.。！!？\?])([^’”])`,
  String.raw`(\.{6})([^’”])`,
  String.raw`(\…{2})([^’”])`,
  String.raw`([.。!！？\?\.{6}\…{2}][’”])([^’”])`,
].map((p) => compilePyRegex(p, NAME));
const BREAK = pyReplacement('\\1\\n\\2');
const SPECIAL = compilePyRegex(String.raw`[^a-zA-Z0-9\u4e00-\u9fa5\n\t ]`, NAME);

/** Data-Juicer's `split_sentence`: inserts a newline after sentence ends, then splits on newlines. */
export function splitSentence(text: string): string[] {
  for (const re of SPLITTERS) text = text.replace(re, BREAK);
  return text.split('\n');
}

const params = opParams({
  lowercase: z.boolean().default(false),
  ignore_special_character: z.boolean().default(true),
  min_repeat_sentence_length: z.number().int().default(2),
});

/**
 * `remove_repeat_sentences_mapper`: drops sentences already seen earlier in the same text
 * (docs/text-operators.md#mappers). Kept sentences are concatenated with no separator; lines are re-joined with `\n`.
 */
export const removeRepeatSentencesMapper = defineTextMapper<z.output<typeof params>>({
  name: NAME,
  description: 'Removes repeated sentences within a text.',
  params,
  transform: (p) => (text) => {
    const seen = new Set<string>();
    const out: string[] = [];
    for (const line of text.split('\n')) {
      let kept = '';
      if (line) {
        for (const sentence of splitSentence(line)) {
          let key = pyStrip(sentence);
          if (p.lowercase) key = key.toLowerCase();
          if (p.ignore_special_character) key = key.replace(SPECIAL, '');
          if (codePointLength(key) < p.min_repeat_sentence_length) kept += sentence;
          else if (!seen.has(key)) {
            kept += sentence;
            seen.add(key);
          }
        }
      }
      out.push(kept);
    }
    return out.join('\n');
  },
});
