import { z } from 'zod';
import { bound, COUNT, filterParams } from '../common/base-params.ts';
import { MAXSIZE } from '../common/python-numbers.ts';
import { defineStatFilter } from './lib/define-stat-filter.ts';
import { DJ_DEFAULT_HF_TOKENIZER, loadTokenCounter } from './resources/hf-tokenizer.ts';

/** `token_num_filter`: keeps samples whose number of tokenizer tokens is within `[min_num, max_num]`. */
export const tokenNumFilter = defineStatFilter({
  name: 'token_num_filter',
  description:
    'Keeps samples whose number of tokens (Hugging Face tokenize, no special tokens) is within [min_num, max_num].',
  params: filterParams({
    hf_tokenizer: z
      .string()
      .default(DJ_DEFAULT_HF_TOKENIZER)
      .describe(
        "A tokenizer.json path (or its folder), 'gpt-tokenizer:<encoding>', or Data-Juicer's default name (bundled p50k_base fallback).",
      ),
    min_num: bound(10, 'Minimum number of tokens.', COUNT),
    max_num: bound(MAXSIZE, 'Maximum number of tokens.', COUNT),
  }),
  requires: ['tokenizer: EleutherAI/pythia-6.9b-deduped tokenizer.json, or the bundled p50k_base BPE'],
  batched: false,
  statKey: () => 'num_token',
  bounds: (p) => [p.min_num, p.max_num],
  prepare: (p, env) => loadTokenCounter(p.hf_tokenizer, 'token_num_filter', env.logger),
});
