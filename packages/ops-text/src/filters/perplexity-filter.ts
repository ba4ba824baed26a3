import { configError } from '@dj-sandbox/core';
import { z } from 'zod';
import { bound, filterParams } from '../common/base-params.ts';
import { pyRound1 } from '../common/python-numbers.ts';
import { splitlines } from '../common/splitlines.ts';
import { getWordsFromDocument, pySplitWhitespace } from '../common/words.ts';
import { defineStatFilter } from './lib/define-stat-filter.ts';
import { type ArpaModel, loadArpaModel } from './resources/arpa-model.ts';

/**
 * Data-Juicer's perplexity: per line of the space-joined words, KenLM `score(line)` summed and `#words + 1` summed;
 * `round(10 ** (-logprob / length), 1)`, 0.0 without lines.
 */
export function perplexity(model: ArpaModel, text: string): number {
  const joined = getWordsFromDocument(text).join(' ');
  let logprob = 0;
  let length = 0;
  for (const line of splitlines(joined)) {
    const words = pySplitWhitespace(line);
    logprob += model.score(words);
    length += words.length + 1;
  }
  return length === 0 ? 0 : pyRound1(10 ** (-logprob / length));
}

/** `perplexity_filter`: keeps samples whose KenLM perplexity is within `[min_ppl, max_ppl]`. */
export const perplexityFilter = defineStatFilter({
  name: 'perplexity_filter',
  description:
    'Keeps samples whose n-gram language-model perplexity (KenLM ARPA model, whitespace words) is within [min_ppl, max_ppl].',
  params: filterParams({
    lang: z.string().default('en').describe('Language of the texts; the model must be trained on that language.'),
    min_ppl: bound(0, 'Minimum perplexity.'),
    max_ppl: bound(1500, 'Maximum perplexity.'),
    model_path: z
      .string()
      .nullish()
      .describe('Path of a KenLM ARPA model (.arpa or .arpa.gz). Our addition: Data-Juicer downloads <lang>.arpa.bin.'),
  }),
  requires: ['KenLM ARPA model file (model_path), e.g. an ARPA export of edugp/kenlm <lang>.arpa.bin'],
  statKey: () => 'perplexity',
  bounds: (p) => [p.min_ppl, p.max_ppl],
  async prepare(p) {
    if (!p.model_path) {
      throw configError('op-model-missing', 'perplexity_filter: no language model given', {
        path: 'perplexity_filter.model_path',
        expected: `the path of a KenLM ARPA model for '${p.lang}'`,
        received: p.model_path ?? null,
        fix: `set model_path to an ARPA file (e.g. ${p.lang}.arpa from edugp/kenlm, converted from .arpa.bin)`,
      });
    }
    const model = await loadArpaModel(p.model_path, 'perplexity_filter');
    return (text) => perplexity(model, text);
  },
});
