import { describe, expect, it } from 'vitest';
import { fixture, readJsonl } from '../test-helpers/test-env.ts';
import { BpeTokenizer } from './bpe-tokenizer.ts';
import { trainBpe } from './train-bpe.ts';

const texts = readJsonl(fixture('moby-dick-train.jsonl')).map((r) => String(r.text));
const heldOut = readJsonl(fixture('moby-dick-heldout.jsonl')).map((r) => String(r.text));

describe('byte-level BPE learned on the training texts', () => {
  const tokenizer = trainBpe(texts, { vocabSize: 600, maxChars: 1_000_000 });

  it('fills the requested vocabulary with merges', () => {
    expect(tokenizer.vocabSize).toBe(600);
    expect(tokenizer.merges).toHaveLength(600 - 257);
  });

  it('decodes what it encodes, including text it never saw and non-ASCII characters', () => {
    for (const text of [...heldOut.slice(0, 20), 'naïve café — 数据处理 🐋']) {
      expect(tokenizer.decode(tokenizer.encode(text))).toBe(text);
    }
  });

  it('compresses English well below one token per byte', () => {
    const bytes = heldOut.reduce((n, t) => n + Buffer.byteLength(t), 0);
    const tokens = heldOut.reduce((n, t) => n + tokenizer.encode(t).length, 0);
    expect(tokens / bytes).toBeLessThan(0.45);
  });

  it('learns the same merges from the same texts', () => {
    const again = trainBpe(texts, { vocabSize: 600, maxChars: 1_000_000 });
    expect(again.merges).toEqual(tokenizer.merges);
  });

  it('round-trips through its JSON form', () => {
    const copy = BpeTokenizer.fromJSON(JSON.parse(JSON.stringify(tokenizer.toJSON())));
    expect(copy.encode(heldOut[0]!)).toEqual(tokenizer.encode(heldOut[0]!));
  });

  it('learns whole frequent words as single tokens', () => {
    expect(tokenizer.encode(' the')).toHaveLength(1);
    expect(tokenizer.encode(' and')).toHaveLength(1);
  });
});
