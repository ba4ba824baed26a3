import { configError, defineOperator, type HashCollector, type HashRecord, type Sample } from '@dj-sandbox/core';
import { z } from 'zod';
import { opParams } from '../common/base-params.ts';
import { getNested } from '../common/nested.ts';
import { bandDigests } from './internal/band-keys.ts';
import { selectThroughCollector } from './internal/collector-select.ts';
import { minhashSignature } from './internal/minhash.ts';
import { optimalParam } from './internal/optimal-param.ts';
import { PackedFlags, PackedRows } from './internal/packed-rows.ts';
import { seed42Permutations } from './internal/perm-seed42.ts';
import { Shingler } from './internal/shingles.ts';
import { textNormalizer } from './internal/text-normalizer.ts';
import { UnionFind } from './internal/union-find.ts';

const NAME = 'document_minhash_deduplicator';

/** The hash field of MinHash deduplication (Data-Juicer's `HashKeys.minhash`): one 64-bit digest per band. */
export const MINHASH_KEY = '__dj__minhash';

const params = opParams({
  tokenization: z.enum(['space', 'punctuation', 'character', 'sentencepiece']).default('space'),
  window_size: z.number().int().positive().default(5),
  lowercase: z.boolean().default(true),
  ignore_pattern: z.string().nullable().default(null),
  num_permutations: z.number().int().positive().default(256),
  jaccard_threshold: z.number().min(0).max(1).default(0.7),
  num_bands: z.number().int().positive().nullable().default(null),
  num_rows_per_band: z.number().int().positive().nullable().default(null),
  tokenizer_model: z.string().nullable().default(null),
});

type Params = z.output<typeof params>;

/** Band and row counts as Data-Juicer picks them: both given, or `optimal_param(threshold, P)`. */
export function bandsAndRows(
  p: Pick<Params, 'num_bands' | 'num_rows_per_band' | 'jaccard_threshold' | 'num_permutations'>,
): [number, number] {
  if (p.num_bands != null && p.num_rows_per_band != null) return [p.num_bands, p.num_rows_per_band];
  return optimalParam(p.jaccard_threshold, p.num_permutations);
}

function unsupported(path: string, received: unknown, expected: string, fix: string) {
  return configError('op-unsupported-param', `${path}: ${expected} is needed`, { path, expected, received, fix });
}

/**
 * Band digests packed to `8 · bands` bytes a sample (no object per sample); the decision joins rows sharing a band
 * with union-find, one band at a time.
 */
class BandCollector implements HashCollector {
  private readonly rows: PackedRows;
  private readonly hasBands = new PackedFlags();
  private readonly empty: Uint32Array;

  constructor(private readonly bands: number) {
    this.rows = new PackedRows(2 * bands);
    this.empty = new Uint32Array(2 * bands);
  }

  add(hashes: Readonly<Record<string, unknown>>): void {
    const k = hashes[MINHASH_KEY] as ArrayLike<number> | undefined;
    const has = !!k && k.length >= 2 * this.bands;
    this.rows.push(has ? k : this.empty);
    this.hasBands.push(has);
  }

  finish(): Uint8Array {
    const n = this.rows.length;
    const rows = this.rows;
    const uf = new UnionFind(n);
    // Per band, an open-addressing table of row numbers keyed by the band's 64-bit digest (compared in full from the
    // packed rows): 8 bytes a row, reused for every band, and no object per row.
    let capacity = 16;
    while (capacity < 2 * n) capacity *= 2;
    const mask = capacity - 1;
    const table = new Int32Array(capacity);
    for (let band = 0; band < this.bands; band++) {
      table.fill(-1);
      const hiWord = 2 * band;
      const loWord = hiWord + 1;
      for (let i = 0; i < n; i++) {
        if (!this.hasBands.at(i)) continue;
        const hi = rows.word(i, hiWord);
        const lo = rows.word(i, loWord);
        let slot = (lo ^ Math.imul(hi, 0x9e3779b1)) & mask;
        while (true) {
          const j = table[slot]!;
          if (j === -1) {
            table[slot] = i;
            break;
          }
          if (rows.word(j, loWord) === lo && rows.word(j, hiWord) === hi) {
            uf.union(i, j);
            break;
          }
          slot = (slot + 1) & mask;
        }
      }
    }
    const keep = new Uint8Array(n);
    for (let i = 0; i < n; i++) keep[i] = uf.find(i) === i ? 1 : 0;
    return keep;
  }
}

/**
 * `document_minhash_deduplicator`: near-duplicate removal with MinHash-LSH (docs/text-operators.md#minhash-lsh). Signatures equal
 * Data-Juicer's bit for bit (SHA-1 shingle hashes, seed-42 permutations, uint64 wrap-around). Rows sharing any band
 * are joined with union-find and the smallest index of each component stays; LSH candidates are not verified.
 * Unlike Data-Juicer, a text with no shingle (fewer tokens than `window_size`) is KEPT as its own cluster instead of
 * being dropped by the failed `min()`.
 */
export const documentMinhashDeduplicator = defineOperator({
  name: NAME,
  kind: 'deduplicator',
  description: 'Removes near-duplicate texts with MinHash-LSH, keeping one sample per cluster.',
  params,
  requires: ['the 256 seed-42 permutation pairs (bundled JSON)'],
  create(p: Params) {
    if (p.tokenization === 'sentencepiece') {
      throw unsupported(
        `${NAME}.tokenization`,
        'sentencepiece',
        'space, punctuation or character',
        'sentencepiece tokenization needs a .sp.model runtime this port does not have; use space (or character for CJK)',
      );
    }
    const perms = seed42Permutations(p.num_permutations);
    if (!perms) {
      throw unsupported(
        `${NAME}.num_permutations`,
        p.num_permutations,
        'at most 256',
        'Data-Juicer draws the permutations from numpy RandomState(42); only the first 256 pairs are bundled',
      );
    }
    const [bands, rows] = bandsAndRows(p);
    if (bands * rows > p.num_permutations) {
      throw unsupported(
        `${NAME}.num_bands`,
        { num_bands: bands, num_rows_per_band: rows },
        `num_bands × num_rows_per_band ≤ num_permutations (${p.num_permutations})`,
        'lower num_bands or num_rows_per_band',
      );
    }
    const shingler = new Shingler(p.tokenization, p.window_size);
    const normalize = textNormalizer(NAME, p.lowercase, p.ignore_pattern);
    const sig = new Uint32Array(p.num_permutations);
    const key = p.text_key;
    return {
      hashKeys: [MINHASH_KEY],
      computeHash(samples: Sample[]) {
        for (const sample of samples) {
          if (MINHASH_KEY in sample) continue;
          const text = getNested(sample, key);
          const n = minhashSignature(normalize(typeof text === 'string' ? text : ''), shingler, perms, sig);
          // No shingle: an empty key list puts the row in no bucket, so it stays on its own.
          sample[MINHASH_KEY] = n === 0 ? new Uint32Array(0) : bandDigests(sig, bands, rows);
        }
      },
      collect: () => new BandCollector(bands),
      selectUnique: (records: HashRecord[]) => selectThroughCollector(new BandCollector(bands), records),
    };
  },
});
