import { z } from 'zod';
import { bound, filterParams } from '../common/base-params.ts';
import { CodePointClass } from '../common/code-point-class.ts';
import { codePointLength } from '../common/code-points.ts';
import { MAXSIZE } from '../common/python-numbers.ts';
import { defineStatFilter } from './lib/define-stat-filter.ts';
import { DJ_DEFAULT_HF_TOKENIZER, loadTokenCounter } from './resources/hf-tokenizer.ts';

// Python's isalnum / isalpha: letters are categories L*, numbers N*; everything else is removed before counting.
const ALNUM = new CodePointClass('\\p{L}\\p{N}');
const NOT_ALPHA = /[^\p{L}]/gu;

/**
 * `alphanumeric_filter`: keeps samples whose alphanumeric-character ratio (`alnum_ratio`, over code points) or, with
 * `tokenization`, alphabetic characters per token (`alpha_token_ratio`) is within `[min_ratio, max_ratio]`.
 */
export const alphanumericFilter = defineStatFilter({
  name: 'alphanumeric_filter',
  description:
    'Keeps samples whose ratio of alphanumeric characters (or, with tokenization, alphabetic characters per tokenizer token) is within [min_ratio, max_ratio].',
  params: filterParams({
    tokenization: z.boolean().default(false).describe('Count alphabetic characters per token instead of per char.'),
    min_ratio: bound(0.25, 'Minimum ratio.'),
    max_ratio: bound(MAXSIZE, 'Maximum ratio.'),
    hf_tokenizer: z
      .string()
      .default(DJ_DEFAULT_HF_TOKENIZER)
      .describe('Tokenizer for tokenization=true: a tokenizer.json path, gpt-tokenizer:<encoding>, or the DJ default.'),
  }),
  requires: [
    'tokenizer (only with tokenization: true): EleutherAI/pythia-6.9b-deduped tokenizer.json or a bundled BPE',
  ],
  statKey: (p) => (p.tokenization ? 'alpha_token_ratio' : 'alnum_ratio'),
  bounds: (p) => [p.min_ratio, p.max_ratio],
  async prepare(p, env) {
    if (!p.tokenization) {
      return (text) => {
        const n = codePointLength(text);
        return n === 0 ? 0 : ALNUM.count(text) / n;
      };
    }
    const countTokens = await loadTokenCounter(p.hf_tokenizer, 'alphanumeric_filter', env.logger);
    return (text) => {
      const tokens = countTokens(text);
      return tokens === 0 ? 0 : codePointLength(text.replace(NOT_ALPHA, '')) / tokens;
    };
  },
});
