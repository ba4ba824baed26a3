import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { minhashSignature, permuted } from './internal/minhash.ts';
import { optimalParam } from './internal/optimal-param.ts';
import { seed42Permutations } from './internal/perm-seed42.ts';
import { PERM_A, PERM_B } from './internal/perm-seed42-data.ts';
import { sha1Prefix32LE } from './internal/sha1-prefix.ts';
import { Shingler } from './internal/shingles.ts';

// Reference values: __fixtures__/make-dj-dedup-reference.py ran Data-Juicer's compute_hash logic (numpy 2.4.6
// uint64 arithmetic, hashlib SHA-1, RandomState(42) permutations checked equal to the bundled JSON) and wrote
// __fixtures__/dj-dedup-reference.json; the first ten numbers below come from that file.
const ref = JSON.parse(readFileSync(new URL('./__fixtures__/dj-dedup-reference.json', import.meta.url), 'utf8'));
const perms = seed42Permutations(256)!;
const TODAY = "Today is Sunday and it's a happy day!";

function signature(text: string, tokenization: 'space' | 'punctuation' | 'character', window: number): number[] {
  const out = new Uint32Array(256);
  minhashSignature(text.toLowerCase(), new Shingler(tokenization, window), perms, out);
  return Array.from(out);
}

describe('MinHash signatures', () => {
  it('bundles the permutation pairs of the reference artefact', () => {
    const json = JSON.parse(
      readFileSync(new URL('./__fixtures__/dj-minhash-perm-seed42.json', import.meta.url), 'utf8'),
    );
    expect([PERM_A, PERM_B]).toEqual([json.perm_a, json.perm_b]);
    expect(PERM_A[0]).toBe('2297359619001564596');
    expect(PERM_B[0]).toBe('1396682528897996046');
  });

  it('hashes shingles with the first four SHA-1 bytes read little-endian, as node:crypto agrees', () => {
    for (const s of [
      '',
      'a',
      "today is sunday and it's a",
      'x'.repeat(55),
      'y'.repeat(56),
      'z'.repeat(64),
      '欢迎'.repeat(40),
    ]) {
      const bytes = new TextEncoder().encode(s);
      expect(sha1Prefix32LE(bytes, 0, bytes.length)).toBe(createHash('sha1').update(bytes).digest().readUInt32LE(0));
    }
  });

  it('permutes with uint64 wrap-around before the Mersenne modulus, as BigInt arithmetic confirms', () => {
    const M = (1n << 61n) - 1n;
    for (const h of [0, 1, 0xffffffff, 0x9e3779b9, 123456789]) {
      for (const j of [0, 1, 100, 255]) {
        const a = (BigInt(perms.aHi[j]!) << 32n) | BigInt(perms.aLo[j]!);
        const b = (BigInt(perms.bHi[j]!) << 32n) | BigInt(perms.bLo[j]!);
        const want = Number((((BigInt(h) * a + b) & ((1n << 64n) - 1n)) % M) & 0xffffffffn);
        expect(permuted(h, perms.aLo[j]!, perms.aHi[j]!, perms.bLo[j]!, perms.bHi[j]!)).toBe(want);
      }
    }
  });

  it("equals Data-Juicer's signature of the spec sentence with space shingles of 5", () => {
    const sig = signature(TODAY, 'space', 5);
    expect(sig.slice(0, 16)).toEqual([
      1850564121, 664463658, 221288864, 874922265, 2609470028, 3005408619, 1005094317, 309998450, 351774878, 793585693,
      1506061444, 725676254, 1455598367, 135065388, 842239356, 35474577,
    ]);
    expect(sig).toEqual(ref.minhash_today_space_w5);
  });

  it("equals Data-Juicer's signatures for character and punctuation shingles and for Chinese text", () => {
    expect(signature(TODAY, 'character', 5).slice(0, 8)).toEqual([
      133771712, 546198232, 11850290, 178492990, 243012862, 59539896, 5386527, 31165373,
    ]);
    expect(signature(TODAY, 'character', 5)).toEqual(ref.minhash_today_character_w5);
    expect(signature(TODAY, 'punctuation', 2).slice(0, 8)).toEqual([
      1262333503, 2932972412, 1147122616, 715977259, 1420110731, 3219576967, 2766120729, 211294797,
    ]);
    expect(signature(TODAY, 'punctuation', 2)).toEqual(ref.minhash_today_punctuation_w2);
    expect(signature('欢迎来到阿里巴巴！你好，请问你是谁', 'character', 2).slice(0, 8)).toEqual([
      184888599, 68090683, 347939135, 169368454, 305642743, 156146413, 145366328, 195209559,
    ]);
  });

  it("equals Data-Juicer's signature of a long real document with repeated spaces and newlines", () => {
    const texts = readFileSync(new URL('./__fixtures__/data-demo-dataset-deduplication.jsonl', import.meta.url), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l).text as string);
    expect(signature(texts[7]!, 'space', 5)).toEqual(ref.minhash_dataset_first_doc_space_w5);
  });

  it('gives a long text (more tokens than the first buffers hold) the same shingles on a fresh or a used shingler', () => {
    const words = Array.from({ length: 9000 }, (_, i) => `w${i % 997}x${i % 13}`);
    const long = words.join(' ');
    const collect = (shingler: Shingler) => {
      const seen: string[] = [];
      shingler.forEach(long, (bytes, start, end) => seen.push(Buffer.from(bytes.subarray(start, end)).toString()));
      return seen;
    };
    const fresh = collect(new Shingler('space', 5));
    expect(fresh).toHaveLength(words.length - 4);
    expect(fresh[0]).toBe(words.slice(0, 5).join(' '));
    expect(fresh.at(-1)).toBe(words.slice(-5).join(' '));
    const used = new Shingler('space', 5);
    collect(used);
    expect(collect(used)).toEqual(fresh);
  });

  it('reports zero shingles for a text shorter than the window', () => {
    const out = new Uint32Array(256);
    expect(minhashSignature('too short', new Shingler('space', 5), perms, out)).toBe(0);
  });
});

describe('optimal_param', () => {
  it("picks Data-Juicer's band and row counts (scipy quad) for several thresholds and permutation counts", () => {
    expect(optimalParam(0.7, 256)).toEqual([25, 10]);
    for (const [key, want] of Object.entries(ref.optimal_param as Record<string, [number, number]>)) {
      const [t, p] = key.split('/').map(Number);
      expect([key, optimalParam(t!, p!)]).toEqual([key, want]);
    }
  });
});
