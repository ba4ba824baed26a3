import { describe, expect, it } from 'vitest';
import { hashingTF, termIndex } from './hashing-tf.ts';
import { murmur3, murmur3Legacy } from './murmur3.ts';
import { sparkTokenize } from './tokenizer.ts';

// Computed in Python: `mmh3.hash(term.encode('utf-8'), 42, signed=True)` (mmh3 5.x) for the standard hash, and a
// Python transcription of Spark's Murmur3_x86_32.hashUnsafeBytes (tail bytes sign-extended and mixed one by one)
// for the legacy one; index = Spark nonNegativeMod(hash, 2^18). Columns: term, murmur3, index, legacy, legacyIndex.
const REFERENCE: Array<[string, number, number, number, number]> = [
  ['café', 1312538061, 245197, -1360878028, 173620],
  ['naïve', -1984804414, 149954, -950767612, 28676],
  ['', 142593372, 249180, 142593372, 249180],
  ['a', -1293573533, 107107, 1485273170, 227410],
  ['the', -1772783983, 95889, 593335710, 103838],
  ['quality', 567323506, 43890, -1248341007, 250865],
  ['ishmael', -1888028481, 194751, 467737619, 72723],
  ['données', 1839514697, 50249, 1839514697, 50249],
  ['数据处理', 825225914, 258746, 825225914, 258746],
  ['hello world!', -294328854, 58858, -294328854, 58858],
  ['whale,', 1715899020, 166540, 1962061156, 175460],
  ['e-mail', -673577054, 133026, 322658593, 221473],
];

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('Spark HashingTF parity', () => {
  it.each(REFERENCE)('hashes %j as mmh3 and Spark do', (term, standard, index, legacy, legacyIndex) => {
    expect(murmur3(utf8(term), 42)).toBe(standard);
    expect(termIndex(term)).toBe(index);
    expect(murmur3Legacy(utf8(term), 42)).toBe(legacy);
    expect(termIndex(term, 1 << 18, 'murmur3-legacy')).toBe(legacyIndex);
  });

  it('counts repeated and colliding terms in one sparse vector with ascending indices', () => {
    const v = hashingTF(['the', 'a', 'the', 'quality'], 1 << 18);
    expect([...v.indices]).toEqual([43890, 95889, 107107]);
    expect([...v.values]).toEqual([1, 2, 1]);
    const tiny = hashingTF(['the', 'a', 'quality', 'whale,'], 2);
    expect([...tiny.values].reduce((a, b) => a + b, 0)).toBe(4);
  });
});

describe('Spark Tokenizer', () => {
  it('lower-cases and splits on every single ASCII whitespace character, dropping trailing empties', () => {
    expect(sparkTokenize('Call me  Ishmael.\tSome years\n')).toEqual(['call', 'me', '', 'ishmael.', 'some', 'years']);
    expect(sparkTokenize(' lead')).toEqual(['', 'lead']);
    expect(sparkTokenize('   ')).toEqual([]);
    expect(sparkTokenize('')).toEqual(['']);
    // A no-break space is not whitespace for Java's \s.
    expect(sparkTokenize('a\u00a0b c')).toEqual(['a\u00a0b', 'c']);
  });
});
