import { createHash } from 'node:crypto';
import { defineOperator, type HashCollector, type HashRecord, type Sample } from '@dj-sandbox/core';
import { z } from 'zod';
import { opParams } from '../common/base-params.ts';
import { getNested } from '../common/nested.ts';
import { compilePyRegex } from '../mappers/internal/py-regex.ts';
import { pyStrip } from '../mappers/internal/py-text.ts';
import { selectThroughCollector } from './internal/collector-select.ts';
import { PackedFlags, PackedRows } from './internal/packed-rows.ts';

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

const MD5_HEX = /^[0-9a-f]{32}$/;
const NO_WORDS = new Uint32Array(4);

/**
 * Exact-hash state packed to 16 bytes a sample (the md5 as four words) plus an open-addressing table of row
 * numbers (8 bytes a sample) at the end; a hash that is not an md5 hex string (set by the user) is compared as is.
 */
class Md5Collector implements HashCollector {
  private readonly words = new PackedRows(4);
  private readonly isMd5 = new PackedFlags();
  private readonly others = new Map<number, unknown>();
  private readonly scratch = new Uint32Array(4);

  add(hashes: Readonly<Record<string, unknown>>): void {
    const h = hashes[HASH_KEY];
    if (typeof h === 'string' && MD5_HEX.test(h)) {
      for (let w = 0; w < 4; w++) this.scratch[w] = Number.parseInt(h.slice(w * 8, w * 8 + 8), 16);
      this.words.push(this.scratch);
      this.isMd5.push(true);
    } else {
      this.others.set(this.words.length, h);
      this.words.push(NO_WORDS);
      this.isMd5.push(false);
    }
  }

  finish(): Uint8Array {
    const n = this.words.length;
    const keep = new Uint8Array(n);
    let capacity = 16;
    while (capacity < 2 * n) capacity *= 2;
    const mask = capacity - 1;
    const table = new Int32Array(capacity).fill(-1);
    const seenOthers = new Set<unknown>();
    const rows = this.words;
    for (let i = 0; i < n; i++) {
      if (!this.isMd5.at(i)) {
        const h = this.others.get(i);
        if (!seenOthers.has(h)) {
          seenOthers.add(h);
          keep[i] = 1;
        }
        continue;
      }
      let slot = rows.word(i, 0) & mask;
      let duplicate = false;
      while (table[slot] !== -1) {
        const j = table[slot]!;
        if (
          rows.word(j, 0) === rows.word(i, 0) &&
          rows.word(j, 1) === rows.word(i, 1) &&
          rows.word(j, 2) === rows.word(i, 2) &&
          rows.word(j, 3) === rows.word(i, 3)
        ) {
          duplicate = true;
          break;
        }
        slot = (slot + 1) & mask;
      }
      if (!duplicate) {
        table[slot] = i;
        keep[i] = 1;
      }
    }
    return keep;
  }
}

/**
 * `document_deduplicator`: exact deduplication by the md5 of the text (optionally lower-cased and without
 * whitespace, digits and ASCII punctuation); the first occurrence of each hash stays (docs/text-operators.md#exact-duplicates).
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
      collect: () => new Md5Collector(),
      selectUnique: (records: HashRecord[]) => selectThroughCollector(new Md5Collector(), records),
    };
  },
});
