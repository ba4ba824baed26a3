import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createFilter, runFilter } from '../test-helpers/run-filter.ts';
import { tokenNumFilter } from './token-num-filter.ts';

const tinyTokenizer = fileURLToPath(new URL('../__fixtures__/tiny-tokenizer.json', import.meta.url));

describe('token_num_filter', () => {
  it('counts GPT-2 family BPE tokens with the bundled fallback for the Pythia default', async () => {
    // p50k_base: "Today| is| Sunday| and| it|'s| a| happy| day|!" (10 tokens); "你好" is 2+ byte-level tokens.
    const out = await runFilter(tokenNumFilter, [
      "Today is Sunday and it's a happy day!",
      'Do you need a cup of coffee?',
      '',
    ]);
    expect(out.map((o) => o.stats.num_token)).toEqual([10, 8, 0]);
    expect(out.map((o) => o.keep)).toEqual([true, false, false]);
  });

  it('runs a Hugging Face tokenizer.json given by path', async () => {
    // Whitespace pre-tokenizer: hello / world / ! / how / are / you => 6 tokens (unknown words still count).
    const out = await runFilter(tokenNumFilter, ['hello world! how are you'], {
      hf_tokenizer: tinyTokenizer,
      min_num: 1,
    });
    expect(out[0]!.stats.num_token).toBe(6);
  });

  it('uses a named bundled encoding with the gpt-tokenizer: prefix', async () => {
    const out = await runFilter(tokenNumFilter, ['hello world'], { hf_tokenizer: 'gpt-tokenizer:cl100k_base' });
    expect(out[0]!.stats.num_token).toBe(2);
  });

  it('rejects a hub tokenizer name it cannot download, with a fix', async () => {
    await expect(createFilter(tokenNumFilter, { hf_tokenizer: 'bert-base-uncased' })).rejects.toThrow(
      /cannot be downloaded here[\s\S]*tokenizer\.json/,
    );
  });
});
