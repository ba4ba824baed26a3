import { readFileSync } from 'node:fs';
import { type DeduplicatorInstance, type Sample, silentLogger } from '@dj-sandbox/core';
import { describe, expect, it } from 'vitest';
import { documentDeduplicator, documentHash } from './document-deduplicator.ts';
import { documentMinhashDeduplicator, MINHASH_KEY } from './document-minhash-deduplicator.ts';
import { documentSimhashDeduplicator, SIMHASH_KEY } from './document-simhash-deduplicator.ts';
import { runDedup } from './internal/test-run.ts';

// Expected kept sets: __fixtures__/make-dj-dedup-reference.py ran Data-Juicer's compute_hash + process logic in
// Python (numpy, scipy, simhash-pybind's find_all) over the same 14-row demo file.
const ref = JSON.parse(readFileSync(new URL('./__fixtures__/dj-dedup-reference.json', import.meta.url), 'utf8'));
const dataset: Sample[] = readFileSync(
  new URL('./__fixtures__/data-demo-dataset-deduplication.jsonl', import.meta.url),
  'utf8',
)
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line));

describe('document_deduplicator', () => {
  it("hashes the spec's sentence to Data-Juicer's md5", () => {
    expect(documentHash("Today is Sunday and it's a happy day!", false, false)).toBe(
      'e6898f65aa380d16f58690368e19fd4b',
    );
  });

  it('keeps the first occurrence of each text of the demo dataset, as Data-Juicer does', async () => {
    const { kept, samples } = await runDedup(documentDeduplicator, dataset);
    expect(kept).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 13]);
    expect(samples.map((s) => s.__dj__hash)).toEqual(ref.dataset_md5[1]);
  });

  it('keeps hashes packed in its collector and still compares hashes a user set that are not md5 hex', async () => {
    const { value: params } = (await documentDeduplicator.params['~standard'].validate({})) as {
      value: Parameters<typeof documentDeduplicator.create>[0];
    };
    const inst = (await documentDeduplicator.create(params, {
      workDir: '/tmp',
      logger: silentLogger,
    })) as DeduplicatorInstance;
    const collector = inst.collect!();
    const md5 = documentHash('same text', false, false);
    for (const h of [md5, 'user-hash', md5.toUpperCase(), md5, 'user-hash', 7, documentHash('other', false, false)])
      collector.add({ __dj__hash: h });
    expect([...(await collector.finish())]).toEqual([1, 1, 1, 0, 0, 1, 1]);
  });

  it('hashes lower-cased text without whitespace, digits and punctuation when asked', async () => {
    const { kept, samples } = await runDedup(documentDeduplicator, dataset, {
      lowercase: true,
      ignore_non_character: true,
    });
    expect(kept).toEqual(ref.dataset_md5_lower_ignore[0]);
    expect(samples.map((s) => s.__dj__hash)).toEqual(ref.dataset_md5_lower_ignore[1]);
  });
});

describe('document_minhash_deduplicator', () => {
  it("keeps Data-Juicer's rows of the demo dataset, plus the two rows too short to shingle that it would drop", async () => {
    const { kept, samples } = await runDedup(documentMinhashDeduplicator, dataset);
    // Data-Juicer keeps [0, 1, 3, 5, 6, 7, 9, 12]; rows 2 and 4 (Chinese, one "word") raise in its min() and vanish.
    expect(ref.dataset_minhash_no_shingle_rows).toEqual([2, 4]);
    expect(kept).toEqual(ref.dataset_minhash_keep_space_w5);
    expect(kept).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 9, 12]);
    expect((samples[0]![MINHASH_KEY] as Uint32Array).length).toBe(50);
    expect((samples[2]![MINHASH_KEY] as Uint32Array).length).toBe(0);
  });

  it('deduplicates the demo dataset with character shingles as Data-Juicer does', async () => {
    const { kept } = await runDedup(documentMinhashDeduplicator, dataset, { tokenization: 'character' });
    expect(kept).toEqual(ref.dataset_minhash_keep_character_w5);
  });

  it('rejects sentencepiece tokenization and more than 256 permutations with a config error', () => {
    expect(() =>
      documentMinhashDeduplicator.create({ ...base(), tokenization: 'sentencepiece' } as never, env()),
    ).toThrow(/sentencepiece/);
    expect(() => documentMinhashDeduplicator.create({ ...base(), num_permutations: 300 } as never, env())).toThrow(
      /256/,
    );
  });
});

describe('document_simhash_deduplicator', () => {
  it("computes the spec's SimHash test vectors", async () => {
    const { samples } = await runDedup(documentSimhashDeduplicator, [
      { text: "Today is Sunday and it's a happy day!" },
      { text: "Today is Sunday and it's a happy day?" },
    ]);
    expect(samples.map((s) => s[SIMHASH_KEY])).toEqual(['15129817047262752921', '3744119063534563476']);
  });

  it('deduplicates the demo dataset as Data-Juicer does, hashes included', async () => {
    const { kept, samples } = await runDedup(documentSimhashDeduplicator, dataset);
    expect(samples.map((s) => s[SIMHASH_KEY])).toEqual(ref.dataset_simhash[1]);
    expect(kept).toEqual([0, 1, 2, 3, 5, 6, 7, 8, 9, 12, 13]);
    expect(kept).toEqual(ref.dataset_simhash[0]);
  });

  it('deduplicates the demo dataset with character shingles of 4 as Data-Juicer does', async () => {
    const { kept, samples } = await runDedup(documentSimhashDeduplicator, dataset, {
      tokenization: 'character',
      window_size: 4,
    });
    expect(samples.map((s) => s[SIMHASH_KEY])).toEqual(ref.dataset_simhash_character_w4[1]);
    expect(kept).toEqual(ref.dataset_simhash_character_w4[0]);
  });

  it('links values within the Hamming distance into one cluster and keeps its first row', async () => {
    const op = await documentSimhashDeduplicator.create(
      { ...base(), num_blocks: 6, hamming_distance: 4 } as never,
      env(),
    );
    const records = ['0', '15', '255', '18446744073709551615', '7'].map((v, index) => ({
      index,
      hashes: { [SIMHASH_KEY]: v },
    }));
    // 0–15 differ by 4 bits, 15–255 by 4, 0–7 by 3: one chain of 0, 15, 255, 7; all-ones (2^64 − 1) is far from all.
    const keep = await op.selectUnique(records);
    expect(records.map((r) => r.index).filter(keep)).toEqual([0, 3]);
  });
});

function base() {
  return {
    text_key: 'text',
    tokenization: 'space',
    window_size: 5,
    lowercase: true,
    ignore_pattern: null,
    num_permutations: 256,
    jaccard_threshold: 0.7,
    num_bands: null,
    num_rows_per_band: null,
    tokenizer_model: null,
  };
}
function env() {
  return {
    workDir: '/tmp',
    logger: {
      debug() {},
      info() {},
      warn() {},
      error() {},
      child() {
        return this;
      },
    },
  };
}
