import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildBigramArpa } from '../test-helpers/build-arpa.ts';
import { createFilter, fixtureTexts, runFilter } from '../test-helpers/run-filter.ts';
import { perplexityFilter } from './perplexity-filter.ts';
import { loadArpaModel } from './resources/arpa-model.ts';

const TOY_ARPA = `\\data\\
ngram 1=5
ngram 2=3

\\1-grams:
-1.0\t<unk>\t0
-99\t<s>\t-0.5
-0.5\t</s>
-0.6\ta\t-0.2
-0.7\tb\t-0.3

\\2-grams:
-0.1\t<s> a
-0.2\ta b
-0.3\tb </s>

\\end\\
`;

function writeModel(name: string, content: string | Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'dj-arpa-'));
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('perplexity_filter', () => {
  const toy = writeModel('toy.arpa', TOY_ARPA);

  it('scores seen bigrams, backs off through unseen ones and maps unknown words to <unk>', async () => {
    // "a b": -0.1 -0.2 -0.3 = -0.6 over 3 => 10^0.2 = 1.58 -> 1.6
    // "b a": (-0.5-0.7) + (-0.3-0.6) + (-0.2-0.5) = -2.8 over 3 => 10^0.9333 = 8.58 -> 8.6
    // "a zz": -0.1 + (-0.2-1.0) + (0-0.5) = -1.8 over 3 => 10^0.6 = 3.98 -> 4.0
    // "a b\rb a": the \r survives word splitting, splitlines cuts it => (-0.6-2.8) over 6 => 10^0.5667 -> 3.7
    const out = await runFilter(perplexityFilter, ['a b', 'b a', 'a zz', 'a b\rb a', ''], { model_path: toy });
    expect(out.map((o) => o.stats.perplexity)).toEqual([1.6, 8.6, 4.0, 3.7, 0]);
  });

  it('keeps samples with perplexity in [min_ppl, max_ppl]', async () => {
    const out = await runFilter(perplexityFilter, ['a b', 'b a'], { model_path: toy, max_ppl: 5 });
    expect(out.map((o) => o.keep)).toEqual([true, false]);
  });

  it('reads a gzip-compressed ARPA file', async () => {
    const gz = writeModel('toy.arpa.gz', gzipSync(TOY_ARPA));
    const out = await runFilter(perplexityFilter, ['b a'], { model_path: gz });
    expect(out[0]!.stats.perplexity).toBe(8.6);
  });

  it('gives a normalised distribution for every context of a model built from real text', async () => {
    const corpus = fixtureTexts('data-demo-dataset.jsonl').filter((t) => /^[A-Z]/.test(t));
    const path = writeModel('demo.arpa', buildBigramArpa(corpus));
    const model = await loadArpaModel(path, 'test');
    const vocab = [...new Set(corpus.flatMap((s) => s.split(' '))), '</s>'];
    for (const context of ['<s>', 'is', 'a', 'day!', 'novel']) {
      const mass = vocab.reduce((sum, w) => sum + 10 ** model.wordLogProb([context], w), 0);
      expect(mass).toBeCloseTo(1, 10);
    }
  });

  it('rates in-domain English below shuffled words on a model built from the demo dataset', async () => {
    const corpus = fixtureTexts('data-demo-dataset.jsonl');
    const path = writeModel('demo2.arpa', buildBigramArpa(corpus));
    const out = await runFilter(perplexityFilter, ['Do you need a cup of coffee?', 'coffee? of cup a need you Do'], {
      model_path: path,
    });
    const [fluent, shuffled] = out.map((o) => Number(o.stats.perplexity));
    expect(fluent).toBeLessThan(shuffled!);
  });

  it('asks for model_path when none is given', async () => {
    await expect(createFilter(perplexityFilter)).rejects.toThrow(/no language model given[\s\S]*model_path/);
  });
});
