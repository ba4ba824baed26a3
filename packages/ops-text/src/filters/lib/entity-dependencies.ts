import type { TaggedToken } from '../resources/english-parser.ts';

const NOUNS = new Set(['NOUN', 'PROPN', 'PRON']);
const CHUNK = new Set(['DET', 'ADJ', 'NUM', 'NOUN', 'PROPN', 'PRON']);
// Possessive determiners are PRP$ in spaCy, not entities.
const POSSESSIVE = new Set(['my', 'your', 'his', 'its', 'our', 'their', 'whose']);

function isEntity(t: TaggedToken): boolean {
  return NOUNS.has(t.pos) && !(t.pos === 'PRON' && POSSESSIVE.has(t.text.toLowerCase()));
}

/**
 * Per-entity dependency-edge counts of one sentence, approximating Data-Juicer's spaCy rule without a parser: an
 * entity (noun, proper noun, non-possessive pronoun) counts 1 unless it is the sentence root, plus one per modifier
 * attached to it. The root is the first verb (else the first auxiliary, else the head of the first noun chunk); in a
 * run of determiners, adjectives, numerals and nouns the last noun is the head and the others attach to it; an
 * adposition right after a head attaches to it.
 */
export function sentenceEntityCounts(tokens: readonly TaggedToken[]): number[] {
  const head = new Int32Array(tokens.length).fill(-1);
  let firstChunkHead = -1;
  for (let i = 0; i < tokens.length; ) {
    if (!CHUNK.has(tokens[i]!.pos)) {
      i++;
      continue;
    }
    let j = i;
    while (j < tokens.length && CHUNK.has(tokens[j]!.pos)) j++;
    let h = -1;
    for (let k = j - 1; k >= i; k--) {
      if (isEntity(tokens[k]!)) {
        h = k;
        break;
      }
    }
    if (h >= 0) {
      if (firstChunkHead < 0) firstChunkHead = h;
      for (let k = i; k < j; k++) if (k !== h) head[k] = h;
      if (j < tokens.length && tokens[j]!.pos === 'ADP') head[j] = h;
    }
    i = j;
  }
  let root = tokens.findIndex((t) => t.pos === 'VERB');
  if (root < 0) root = tokens.findIndex((t) => t.pos === 'AUX');
  if (root < 0) root = firstChunkHead;
  const counts = new Map<number, number>();
  tokens.forEach((t, i) => {
    if (isEntity(t)) counts.set(i, i === root ? 0 : 1);
  });
  tokens.forEach((t, i) => {
    const h = head[i]!;
    if (h >= 0 && i !== root && t.pos !== 'PUNCT' && counts.has(h)) counts.set(h, counts.get(h)! + 1);
  });
  return [...counts.values()];
}
