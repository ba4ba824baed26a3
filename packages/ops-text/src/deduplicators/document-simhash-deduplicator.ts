import { configError, defineOperator, type HashRecord, type Sample } from '@dj-sandbox/core';
import { z } from 'zod';
import { opParams } from '../common/base-params.ts';
import { getNested } from '../common/nested.ts';
import { findNearPairs } from './internal/find-near-pairs.ts';
import { keepPredicate } from './internal/keep-predicate.ts';
import { Shingler } from './internal/shingles.ts';
import { simhashOf, u64ToDecimal } from './internal/simhash.ts';
import { textNormalizer } from './internal/text-normalizer.ts';
import { UnionFind } from './internal/union-find.ts';

const NAME = 'document_simhash_deduplicator';

/** The hash field of SimHash deduplication (Data-Juicer's `HashKeys.simhash`): the uint64 as a decimal string. */
export const SIMHASH_KEY = '__dj__simhash';

const params = opParams({
  tokenization: z.enum(['space', 'punctuation', 'character']).default('space'),
  window_size: z.number().int().positive().default(6),
  lowercase: z.boolean().default(true),
  ignore_pattern: z.string().nullable().default(null),
  num_blocks: z.number().int().positive().default(6),
  hamming_distance: z.number().int().positive().default(4),
});

type Params = z.output<typeof params>;

/**
 * `document_simhash_deduplicator`: near-duplicate removal with 64-bit SimHash (docs/text-operators.md#simhash). Values within
 * `hamming_distance` bits are linked; linked values form clusters and the first row of each cluster stays (rows with
 * an identical value and no neighbour: the first of them stays).
 */
export const documentSimhashDeduplicator = defineOperator({
  name: NAME,
  kind: 'deduplicator',
  description: 'Removes near-duplicate texts with SimHash and a Hamming-distance threshold.',
  params,
  create(p: Params) {
    if (p.hamming_distance >= p.num_blocks) {
      throw configError('op-invalid-param', `${NAME}.hamming_distance must be less than num_blocks`, {
        path: `${NAME}.hamming_distance`,
        expected: `an integer below num_blocks (${p.num_blocks})`,
        received: p.hamming_distance,
        fix: `lower hamming_distance or raise num_blocks above ${p.hamming_distance}`,
      });
    }
    const shingler = new Shingler(p.tokenization, p.window_size);
    const normalize = textNormalizer(NAME, p.lowercase, p.ignore_pattern);
    const value = new Uint32Array(2);
    const key = p.text_key;
    return {
      hashKeys: [SIMHASH_KEY],
      computeHash(samples: Sample[]) {
        for (const sample of samples) {
          if (SIMHASH_KEY in sample) continue;
          const text = getNested(sample, key);
          simhashOf(normalize(typeof text === 'string' ? text : ''), shingler, value);
          sample[SIMHASH_KEY] = u64ToDecimal(value[0] as number, value[1] as number);
        }
      },
      selectUnique(records: HashRecord[]) {
        const keep = new Uint8Array(records.length);
        if (records.length <= 1) return keepPredicate(records, keep.fill(1));
        // Distinct values, in first-seen order.
        const ids = new Map<string, number>();
        const rowValue = new Int32Array(records.length);
        const his: number[] = [];
        const los: number[] = [];
        for (let i = 0; i < records.length; i++) {
          const s = String((records[i] as HashRecord).hashes[SIMHASH_KEY]);
          let id = ids.get(s);
          if (id === undefined) {
            id = ids.size;
            ids.set(s, id);
            const v = BigInt(s);
            his.push(Number(v >> 32n));
            los.push(Number(v & 0xffffffffn));
          }
          rowValue[i] = id;
        }
        const uf = new UnionFind(ids.size);
        findNearPairs(Uint32Array.from(his), Uint32Array.from(los), p.num_blocks, p.hamming_distance, (a, b) =>
          uf.union(a, b),
        );
        const seen = new Uint8Array(ids.size);
        for (let i = 0; i < records.length; i++) {
          const cluster = uf.find(rowValue[i] as number);
          if (seen[cluster] === 0) {
            seen[cluster] = 1;
            keep[i] = 1;
          }
        }
        return keepPredicate(records, keep);
      },
    };
  },
});
