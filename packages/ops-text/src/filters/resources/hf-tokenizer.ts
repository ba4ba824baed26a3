import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { configError, type Logger } from '@dj-sandbox/core';

/** Data-Juicer's default tokenizer for `token_num_filter` and `alphanumeric_filter(tokenization)`. */
export const DJ_DEFAULT_HF_TOKENIZER = 'EleutherAI/pythia-6.9b-deduped';

/** Cuts a text into tokens, as `tokenizer.tokenize(text)` does in Data-Juicer (no special tokens added). */
export type TokenCounter = (text: string) => number;

const GPT_ENCODINGS = ['r50k_base', 'p50k_base', 'p50k_edit', 'cl100k_base', 'o200k_base'] as const;
const FALLBACK_ENCODING = 'p50k_base';

/**
 * Resolves the `hf_tokenizer` parameter to a token counter, without network access:
 * - a path to a `tokenizer.json` (or a folder holding one, with its `tokenizer_config.json`) runs that Hugging Face
 *   tokenizer through `@huggingface/tokenizers`: exact parity when it is Pythia's own file;
 * - `gpt-tokenizer:<encoding>` uses a bundled OpenAI BPE (`r50k_base`, `p50k_base`, `cl100k_base`, `o200k_base`);
 * - Data-Juicer's default hub name (and other Pythia / GPT-NeoX names) falls back to the bundled `p50k_base`
 *   byte-level BPE, the closest bundled relative of GPT-NeoX's BPE, with a warning.
 */
export async function loadTokenCounter(spec: string, op: string, logger: Logger): Promise<TokenCounter> {
  const file = tokenizerFile(spec);
  if (file) return loadHfTokenizer(file);
  const named = spec.startsWith('gpt-tokenizer:') ? spec.slice('gpt-tokenizer:'.length) : undefined;
  if (named !== undefined) {
    if (!(GPT_ENCODINGS as readonly string[]).includes(named)) {
      throw configError('op-tokenizer-unknown', `${op}: unknown gpt-tokenizer encoding '${named}'`, {
        path: `${op}.hf_tokenizer`,
        expected: GPT_ENCODINGS.map((e) => `gpt-tokenizer:${e}`).join(', '),
        received: spec,
        fix: 'pick one of the bundled encodings, or give the path of a tokenizer.json',
      });
    }
    return loadGptEncoding(named);
  }
  if (/pythia|gpt-neox/i.test(spec)) {
    logger.warn(
      `${op}: tokenizer '${spec}' is not bundled; counting with ${FALLBACK_ENCODING} (GPT-2 family BPE). Set hf_tokenizer to the path of its tokenizer.json for exact counts.`,
    );
    return loadGptEncoding(FALLBACK_ENCODING);
  }
  throw configError('op-tokenizer-unavailable', `${op}: tokenizer '${spec}' cannot be downloaded here`, {
    path: `${op}.hf_tokenizer`,
    expected: `a path to a tokenizer.json (or its folder), 'gpt-tokenizer:<encoding>', or '${DJ_DEFAULT_HF_TOKENIZER}'`,
    received: spec,
    fix: 'download the tokenizer.json of that model once and give its path',
  });
}

function tokenizerFile(spec: string): string | undefined {
  if (!existsSync(spec)) return undefined;
  if (statSync(spec).isDirectory()) {
    const inside = join(spec, 'tokenizer.json');
    return existsSync(inside) ? inside : undefined;
  }
  return spec;
}

async function loadHfTokenizer(file: string): Promise<TokenCounter> {
  const { Tokenizer } = await import('@huggingface/tokenizers');
  const json = JSON.parse(readFileSync(file, 'utf8')) as object;
  const configFile = join(file, '..', 'tokenizer_config.json');
  const config = existsSync(configFile) ? (JSON.parse(readFileSync(configFile, 'utf8')) as object) : {};
  const tokenizer = new Tokenizer(json, config);
  return (text) => tokenizer.tokenize(text).length;
}

async function loadGptEncoding(name: string): Promise<TokenCounter> {
  const mod = (await import(`gpt-tokenizer/encoding/${name}`)) as {
    encode(text: string, options?: { allowedSpecial?: Set<string> | 'all' }): number[];
  };
  // Special-token strings count as the tokens they are, as an HF tokenizer with them registered does.
  return (text) => mod.encode(text, { allowedSpecial: 'all' }).length;
}
