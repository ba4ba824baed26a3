import { pretokenize } from './pretokenize.ts';

/** Id of the end-of-text token; it also pads the context before a document's first token. */
export const EOS_ID = 0;
/** Ids 1..256 are the 256 byte values; learned merges follow. */
export const BYTE_OFFSET = 1;
/** The first id given to a merge. */
export const FIRST_MERGE_ID = 257;

/** The JSON form of a tokenizer, saved as `tokenizer.json` in a checkpoint. */
export interface TokenizerJson {
  type: 'byte-bpe';
  version: 1;
  /** Token pairs merged, in the order they were learned; merge `i` makes token `257 + i`. */
  merges: Array<[number, number]>;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * A byte-level BPE tokenizer: every string encodes (no unknown tokens), and decoding the ids gives the text back.
 * Id 0 is end-of-text, ids 1–256 are bytes, and each learned merge adds one id.
 */
export class BpeTokenizer {
  readonly merges: ReadonlyArray<readonly [number, number]>;
  readonly vocabSize: number;
  private readonly ranks = new Map<number, number>();
  private readonly cache = new Map<string, number[]>();
  private readonly pieces: Uint8Array[] = [];

  constructor(merges: ReadonlyArray<readonly [number, number]>) {
    this.merges = merges;
    this.vocabSize = FIRST_MERGE_ID + merges.length;
    for (let rank = 0; rank < merges.length; rank++) this.ranks.set(pairKey(...merges[rank]!), rank);
    this.pieces.push(new Uint8Array(0));
    for (let b = 0; b < 256; b++) this.pieces.push(Uint8Array.of(b));
    for (const [a, b] of merges) {
      const left = this.pieces[a]!;
      const right = this.pieces[b]!;
      const joined = new Uint8Array(left.length + right.length);
      joined.set(left);
      joined.set(right, left.length);
      this.pieces.push(joined);
    }
  }

  /** Encodes text into token ids (no end-of-text token is added). */
  encode(text: string): number[] {
    const out: number[] = [];
    for (const piece of pretokenize(text)) {
      let ids = this.cache.get(piece);
      if (!ids) {
        ids = this.encodePiece(piece);
        if (this.cache.size < 200_000) this.cache.set(piece, ids);
      }
      for (const id of ids) out.push(id);
    }
    return out;
  }

  /** Decodes token ids back into text; the end-of-text token decodes to nothing. */
  decode(ids: readonly number[]): string {
    const parts = ids.map((id) => this.pieces[id] ?? new Uint8Array(0));
    const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      bytes.set(p, at);
      at += p.length;
    }
    return decoder.decode(bytes);
  }

  /** The JSON form saved with a checkpoint. */
  toJSON(): TokenizerJson {
    return { type: 'byte-bpe', version: 1, merges: this.merges.map(([a, b]) => [a, b]) };
  }

  /** Rebuilds a tokenizer from its JSON form. */
  static fromJSON(json: TokenizerJson): BpeTokenizer {
    if (json.type !== 'byte-bpe' || !Array.isArray(json.merges)) {
      throw new Error(`not a byte-bpe tokenizer: type ${JSON.stringify(json.type)}`);
    }
    return new BpeTokenizer(json.merges);
  }

  private encodePiece(piece: string): number[] {
    const ids = Array.from(encoder.encode(piece), (b) => b + BYTE_OFFSET);
    while (ids.length > 1) {
      let best = -1;
      let bestRank = Number.POSITIVE_INFINITY;
      for (let i = 0; i < ids.length - 1; i++) {
        const rank = this.ranks.get(pairKey(ids[i]!, ids[i + 1]!));
        if (rank !== undefined && rank < bestRank) {
          bestRank = rank;
          best = i;
        }
      }
      if (best < 0) break;
      const merged = FIRST_MERGE_ID + bestRank;
      const [a, b] = this.merges[bestRank]!;
      // Merge every occurrence of the best pair, left to right, as BPE does.
      const next: number[] = [];
      for (let i = 0; i < ids.length; i++) {
        if (i < ids.length - 1 && ids[i] === a && ids[i + 1] === b) {
          next.push(merged);
          i++;
        } else next.push(ids[i]!);
      }
      ids.splice(0, ids.length, ...next);
    }
    return ids;
  }
}

/** A number key for a pair of token ids (ids stay below 2^20). */
export function pairKey(a: number, b: number): number {
  return a * 1_048_576 + b;
}
