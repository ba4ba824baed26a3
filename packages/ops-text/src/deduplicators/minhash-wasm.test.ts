import { createHash } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { mulberry32 } from '../test-helpers/mulberry32.ts';
import { minhashSignature, permuted } from './internal/minhash.ts';
import { MinhashKernel } from './internal/minhash-wasm.ts';
import { seed42Permutations } from './internal/perm-seed42.ts';
import { sha1Prefix32LE } from './internal/sha1-prefix.ts';
import { Shingler, type Tokenization } from './internal/shingles.ts';

const perms = seed42Permutations(256)!;
const M61 = (1n << 61n) - 1n;
const U64 = (1n << 64n) - 1n;

const BOUNDARY_LENGTHS = [0, 1, 55, 56, 63, 64, 119, 120, 127, 128, 183, 184, 200];

function randomBytes(rand: () => number, length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) bytes[i] = Math.floor(rand() * 256);
  return bytes;
}

/** Random text of words: ASCII, accented Latin, CJK and emoji, joined by one or several spaces. */
function randomText(rand: () => number, words: number): string {
  const alphabets = ['abcdefghij', 'éüßçñ', '欢迎来到阿里巴巴', '😀🐳', 'xyz.,!?'];
  const out: string[] = [];
  for (let w = 0; w < words; w++) {
    const alphabet = [...(alphabets[Math.floor(rand() * alphabets.length)] as string)];
    const len = rand() < 0.05 ? 40 + Math.floor(rand() * 60) : 1 + Math.floor(rand() * 8);
    let word = '';
    for (let i = 0; i < len; i++) word += alphabet[Math.floor(rand() * alphabet.length)];
    out.push(word, rand() < 0.1 ? '   ' : ' ');
  }
  return out.join('');
}

/** The signature as the plain JavaScript reference computes it: SHA-1 per shingle, then every permutation. */
function referenceSignature(text: string, shingler: Shingler, count: number): Uint32Array {
  const out = new Uint32Array(count).fill(0xffffffff);
  shingler.forEach(text, (bytes, start, end) => {
    const h = sha1Prefix32LE(bytes, start, end);
    for (let j = 0; j < count; j++) {
      const v = permuted(h, perms.aLo[j]!, perms.aHi[j]!, perms.bLo[j]!, perms.bHi[j]!);
      if (v < out[j]!) out[j] = v;
    }
  });
  return out;
}

describe('WebAssembly SHA-1 stage', () => {
  it('hashes random byte strings of 0 to 200 bytes as the JavaScript SHA-1 and node:crypto do', () => {
    const rand = mulberry32(1);
    const shingles = Array.from({ length: 3000 }, (_, i) =>
      randomBytes(
        rand,
        i < 1000 ? Math.floor(rand() * 201) : (BOUNDARY_LENGTHS[i % BOUNDARY_LENGTHS.length] as number),
      ),
    );
    const got = perms.kernel.sha1Prefixes(shingles);
    shingles.forEach((s, i) => {
      expect([s.length, got[i]]).toEqual([s.length, sha1Prefix32LE(s, 0, s.length)]);
    });
    for (const s of shingles.slice(0, 300)) {
      expect(sha1Prefix32LE(s, 0, s.length)).toBe(createHash('sha1').update(s).digest().readUInt32LE(0));
    }
  });

  it('hashes UTF-8 text at every block-boundary length, alone and mixed with other lengths in a group', () => {
    const rand = mulberry32(2);
    for (const length of BOUNDARY_LENGTHS) {
      const utf8 = new TextEncoder().encode('欢迎é'.repeat(80)).subarray(0, length);
      for (const group of [[utf8], [utf8, randomBytes(rand, 3), randomBytes(rand, 130), randomBytes(rand, 60)]]) {
        const got = perms.kernel.sha1Prefixes(group);
        expect(Array.from(got)).toEqual(group.map((s) => createHash('sha1').update(s).digest().readUInt32LE(0)));
      }
    }
  });
});

describe('WebAssembly permutation stage', () => {
  it('gives the minimum of the JavaScript permutation over random hashes for all 256 seed-42 permutations', () => {
    const rand = mulberry32(3);
    for (let trial = 0; trial < 200; trial++) {
      const hashes = Uint32Array.from({ length: 1 + Math.floor(rand() * 40) }, () => Math.floor(rand() * 2 ** 32));
      if (trial === 0) hashes.set([0, 1, 0xffffffff].slice(0, hashes.length));
      const want = new Uint32Array(256).fill(0xffffffff);
      for (const h of hashes) {
        for (let j = 0; j < 256; j++) {
          want[j] = Math.min(want[j]!, permuted(h, perms.aLo[j]!, perms.aHi[j]!, perms.bLo[j]!, perms.bHi[j]!));
        }
      }
      expect(perms.kernel.permute(hashes)).toEqual(want);
    }
  });

  it('subtracts the modulus where (x AND (2^61 - 1)) + (x >> 61) reaches it, as BigInt arithmetic does', () => {
    // b is chosen so h·a + b lands next to a multiple of 2^61 − 1: x = top·2^61 + 0x1FFFFFFF·2^32 + lo.
    const rand = mulberry32(4);
    const a: bigint[] = [];
    const b: bigint[] = [];
    const hashes: number[] = [];
    for (let j = 0; j < 64; j++) {
      const aj = (BigInt(Math.floor(rand() * 2 ** 29)) << 32n) | BigInt(Math.floor(rand() * 2 ** 32)) | 1n;
      const h = Math.floor(rand() * 2 ** 32);
      const top = BigInt(j % 8);
      const lo = 0xffffffffn - BigInt(Math.floor(rand() * 12));
      const x = (top << 61n) | (0x1fffffffn << 32n) | lo;
      a.push(aj);
      b.push((x - BigInt(h) * aj) & U64);
      hashes.push(h);
    }
    const kernel = new MinhashKernel(a, b);
    const reference = (hs: number[]) =>
      a.map((aj, j) => Math.min(...hs.map((h) => Number((((BigInt(h) * aj + b[j]!) & U64) % M61) & 0xffffffffn))));
    for (let j = 0; j < 64; j++)
      expect(Array.from(kernel.permute(Uint32Array.of(hashes[j]!)))).toEqual(reference([hashes[j]!]));
    expect(Array.from(kernel.permute(Uint32Array.from(hashes)))).toEqual(reference(hashes));
  });

  it('works for permutation counts that do not fill a group of 8', () => {
    const rand = mulberry32(5);
    const hashes = Uint32Array.from({ length: 17 }, () => Math.floor(rand() * 2 ** 32));
    for (const count of [1, 3, 4, 5, 9, 100]) {
      const p = seed42Permutations(count)!;
      const want = Array.from({ length: count }, (_, j) =>
        Math.min(...Array.from(hashes, (h) => permuted(h, p.aLo[j]!, p.aHi[j]!, p.bLo[j]!, p.bHi[j]!))),
      );
      expect(Array.from(p.kernel.permute(hashes))).toEqual(want);
    }
  });
});

describe('MinHash signature of whole texts', () => {
  it('equals the JavaScript reference on random texts for every tokenization', () => {
    const rand = mulberry32(6);
    const cases: Array<[Tokenization, number]> = [
      ['space', 5],
      ['space', 1],
      ['character', 5],
      ['punctuation', 2],
    ];
    for (const [tokenization, window] of cases) {
      const shingler = new Shingler(tokenization, window);
      const out = new Uint32Array(256);
      for (let trial = 0; trial < 30; trial++) {
        const text = randomText(rand, Math.floor(rand() * 120));
        const n = minhashSignature(text, shingler, perms, out);
        expect([tokenization, n, Array.from(out)]).toEqual([
          tokenization,
          shingler.forEach(text, () => {}),
          Array.from(referenceSignature(text, new Shingler(tokenization, window), 256)),
        ]);
      }
    }
  });

  it('grows its memory for a long text and still agrees with the reference afterwards on short ones', () => {
    const rand = mulberry32(7);
    const shingler = new Shingler('space', 5);
    const out = new Uint32Array(256);
    for (const words of [40_000, 30, 0, 3, 12]) {
      const text = randomText(rand, words);
      minhashSignature(text, shingler, perms, out);
      expect(Array.from(out)).toEqual(Array.from(referenceSignature(text, new Shingler('space', 5), 256)));
    }
  });

  it('cuts space shingles in WebAssembly, and falls back to the Shingler when too many must be joined', () => {
    const shingler = new Shingler('space', 5);
    const forEach = vi.spyOn(shingler, 'forEach');
    const out = new Uint32Array(256);
    const texts = ['one two  three four five six', 'a  b '.repeat(3000), 'x '.repeat(5000)];
    const viaShingler = texts.map((text) => {
      forEach.mockClear();
      minhashSignature(text, shingler, perms, out);
      expect(Array.from(out)).toEqual(Array.from(referenceSignature(text, new Shingler('space', 5), 256)));
      return forEach.mock.calls.length;
    });
    // Words two spaces apart: every shingle is joined, more bytes than the room kept for joined shingles.
    expect(viaShingler).toEqual([0, 1, 0]);
  });

  it('finds the same space shingles as the Shingler in short texts of words, runs of spaces and non-ASCII', () => {
    const rand = mulberry32(8);
    const out = new Uint32Array(256);
    for (const window of [1, 2, 5]) {
      const shingler = new Shingler('space', window);
      for (let trial = 0; trial < 300; trial++) {
        const chars = Array.from({ length: Math.floor(rand() * 50) }, () => 'ab é'[Math.floor(rand() * 4)]);
        const text = chars.join('');
        const n = minhashSignature(text, shingler, perms, out);
        expect([text, n, Array.from(out)]).toEqual([
          text,
          shingler.forEach(text, () => {}),
          Array.from(referenceSignature(text, new Shingler('space', window), 256)),
        ]);
      }
    }
  });
});
