/**
 * Builds a bigram back-off ARPA model from sentences (whitespace words): unigrams by maximum likelihood over tokens
 * plus `</s>`, seen bigrams discounted by `discount`, the freed mass given to unseen words through a Katz back-off
 * weight, so every context's distribution sums to 1.
 */
export function buildBigramArpa(sentences: string[], discount = 0.5): string {
  const uni = new Map<string, number>();
  const bi = new Map<string, Map<string, number>>();
  let tokens = 0;
  for (const s of sentences) {
    const words = ['<s>', ...s.split(/\s+/).filter(Boolean), '</s>'];
    for (let i = 1; i < words.length; i++) {
      uni.set(words[i]!, (uni.get(words[i]!) ?? 0) + 1);
      tokens++;
      const next = bi.get(words[i - 1]!) ?? new Map<string, number>();
      next.set(words[i]!, (next.get(words[i]!) ?? 0) + 1);
      bi.set(words[i - 1]!, next);
    }
  }
  const pUni = (w: string) => (uni.get(w) ?? 0) / tokens;
  const lines1: string[] = [];
  const lines2: string[] = [];
  const vocab = ['<s>', ...uni.keys()];
  for (const u of vocab) {
    const next = bi.get(u);
    let backoff = 0;
    if (next) {
      const total = [...next.values()].reduce((a, b) => a + b, 0);
      let seenMass = 0;
      let seenUni = 0;
      for (const [w, c] of next) {
        const p = (c - discount) / total;
        seenMass += p;
        seenUni += pUni(w);
        lines2.push(`${Math.log10(p)}\t${u} ${w}`);
      }
      backoff = Math.log10((1 - seenMass) / (1 - seenUni));
    }
    const prob = u === '<s>' ? -99 : Math.log10(pUni(u));
    lines1.push(`${prob}\t${u}\t${backoff}`);
  }
  lines1.push('-100\t<unk>\t0');
  return [
    '\\data\\',
    `ngram 1=${lines1.length}`,
    `ngram 2=${lines2.length}`,
    '',
    '\\1-grams:',
    ...lines1,
    '',
    '\\2-grams:',
    ...lines2,
    '',
    '\\end\\',
    '',
  ].join('\n');
}
