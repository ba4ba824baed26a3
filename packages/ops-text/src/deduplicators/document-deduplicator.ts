import { createHash } from 'node:crypto';
import { defineOperator, type HashRecord, type Sample } from '@dj-sandbox/core';
import { z } from 'zod';
import { opParams } from '../common/base-params.ts';
import { getNested } from '../common/nested.ts';
import { compilePyRegex } from '../mappers/internal/py-regex.ts';
import { pyStrip } from '../mappers/internal/py-text.ts';
import { keepPredicate } from './internal/keep-predicate.ts';

/** The hash field of exact deduplication (Data-Juicer's `HashKeys.hash`). */
export const HASH_KEY = '__dj__hash';

const params = opParams({
  lowercase: z.boolean().default(false),
  ignore_non_character: z.boolean().default(false),
});

// `\s+|\d+|[<string.punctuation>]` with Python's Unicode `\s` and `\d`.
const NON_CHARACTER = compilePyRegex(
  String.raw`\s+|\d+|[!"\#\$%\&'\(\)\*\+,\-\./:;<=>\?@\[\\\]\^_\x60\{\|\}\~]`,
  'document_deduplicator',
);

/** Data-Juicer's exact-dedup hash of one text: md5 hex of the (lower-cased, stripped) text. */
export function documentHash(text: string, lowercase: boolean, ignoreNonCharacter: boolean): string {
  if (lowercase) text = text.toLowerCase();
  if (ignoreNonCharacter) text = text.replace(NON_CHARACTER, '');
  return createHash('md5').update(pyStrip(text), 'utf8').digest('hex');
}

/**
 * `document_deduplicator`: exact deduplication by the md5 of the text (optionally lower-cased and without
 * whitespace, digits and ASCII punctuation); the first occurrence of each hash stays (spec §4.3.1).
 */
export const documentDeduplicator = defineOperator({
  name: 'document_deduplicator',
  kind: 'deduplicator',
  description: 'Removes exact duplicate texts (md5), keeping the first occurrence.',
  params,
  create(p: z.output<typeof params>) {
    const key = p.text_key;
    return {
      hashKeys: [HASH_KEY],
      computeHash(samples: Sample[]) {
        for (const sample of samples) {
          if (HASH_KEY in sample) continue;
          const text = getNested(sample, key);
          sample[HASH_KEY] = documentHash(typeof text === 'string' ? text : '', p.lowercase, p.ignore_non_character);
        }
      },
      selectUnique(records: HashRecord[]) {
        const seen = new Set<unknown>();
        const keep = new Uint8Array(records.length);
        for (let i = 0; i < records.length; i++) {
          const r = records[i] as HashRecord;
          const h = r.hashes[HASH_KEY];
          if (!seen.has(h)) {
            seen.add(h);
            keep[i] = 1;
          }
        }
        return keepPredicate(records, keep);
      },
    };
  },
});
