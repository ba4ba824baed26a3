import { createHash } from 'node:crypto';
import { defineOperator, type HashRecord, nestedQuery, type Sample } from '@dj-sandbox/core';
import { z } from 'zod';
import { readRgb } from '../common/load-image.ts';
import { opParams } from '../common/params.ts';
import { imageBytesOf, imagePathsOf } from '../common/samples.ts';
import { imageHash } from '../internal/image-hash.ts';

/** Data-Juicer's `HashKeys.imagehash`: the concatenated hex hashes of a sample's images. */
export const IMAGE_HASH_KEY = '__dj__imagehash';
/** Data-Juicer's `HashKeys.hash`: the md5 of the text, with `consider_text`. */
export const TEXT_HASH_KEY = '__dj__hash';

const params = opParams({
  method: z.enum(['phash', 'dhash', 'whash', 'ahash']).default('phash').describe('imagededup hash method.'),
  consider_text: z.boolean().default(false).describe('Deduplicate on (image hashes, text md5) pairs.'),
  lowercase: z.boolean().default(false).describe('With consider_text: lower-case the text before hashing.'),
  ignore_non_character: z
    .boolean()
    .default(false)
    .describe('With consider_text: drop whitespace, digits and ASCII punctuation before hashing.'),
});

const NON_CHARACTER = /\s+|\p{Nd}+|[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/gu;

/** Data-Juicer's `document_deduplicator` text hash: md5 hex of the (lower-cased, filtered) stripped text. */
function textHash(text: string, lowercase: boolean, ignoreNonCharacter: boolean): string {
  let t = lowercase ? text.toLowerCase() : text;
  if (ignoreNonCharacter) t = t.replace(NON_CHARACTER, '');
  return createHash('md5').update(t.trim(), 'utf8').digest('hex');
}

/**
 * `image_deduplicator`: removes samples whose images have the same imagededup hashes (all images' hashes
 * concatenated, in order), keeping the first; samples without images stay. With `consider_text` the key is the
 * pair (image hashes, text md5), and then samples without images are deduplicated by their text, as in
 * Data-Juicer.
 */
export const imageDeduplicator = defineOperator({
  name: 'image_deduplicator',
  kind: 'deduplicator',
  description: 'Removes samples whose images have identical perceptual hashes (phash/dhash/whash/ahash).',
  params,
  requires: ['sharp (libvips) to decode images'],
  create(p: z.output<typeof params>, env) {
    return {
      hashKeys: p.consider_text ? [IMAGE_HASH_KEY, TEXT_HASH_KEY] : [IMAGE_HASH_KEY],
      async computeHash(samples: Sample[]) {
        for (const sample of samples) {
          if (p.consider_text && !(TEXT_HASH_KEY in sample)) {
            const text = nestedQuery(sample, p.text_key);
            sample[TEXT_HASH_KEY] = textHash(typeof text === 'string' ? text : '', p.lowercase, p.ignore_non_character);
          }
          if (IMAGE_HASH_KEY in sample) continue;
          const paths = imagePathsOf(sample, p.image_key, 'image_deduplicator', env.datasetDir);
          const bytes = imageBytesOf(sample, p.image_bytes_key, paths.length);
          let hash = '';
          for (const [i, path] of paths.entries()) {
            hash += imageHash(await readRgb(bytes?.[i] ?? path, 'image_deduplicator'), p.method);
          }
          sample[IMAGE_HASH_KEY] = hash;
        }
      },
      selectUnique(records: HashRecord[]) {
        if (records.length <= 1) return () => true;
        const seen = new Set<string>();
        const keep = new Uint8Array(records.length);
        records.forEach((record, i) => {
          const image = String(record.hashes[IMAGE_HASH_KEY] ?? '');
          if (!p.consider_text && image === '') {
            keep[i] = 1;
            return;
          }
          const key = p.consider_text ? `${image}\u0000${String(record.hashes[TEXT_HASH_KEY])}` : image;
          if (!seen.has(key)) {
            seen.add(key);
            keep[i] = 1;
          }
        });
        const byIndex = new Map(records.map((r, i) => [r.index, keep[i] === 1]));
        return (index: number) => byIndex.get(index) ?? true;
      },
    };
  },
});
