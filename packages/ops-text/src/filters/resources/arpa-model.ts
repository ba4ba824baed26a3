import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { configError } from '@dj-sandbox/core';

/**
 * A back-off n-gram language model read from an ARPA file, scored as KenLM scores (log10 probabilities, `<s>`
 * context at the start, `</s>` at the end, out-of-vocabulary words mapped to `<unk>`).
 */
export class ArpaModel {
  /** The model's order (the largest n of its n-grams). */
  readonly order: number;
  private readonly probs: Map<string, number>;
  private readonly backoffs: Map<string, number>;
  private readonly unkProb: number;

  constructor(order: number, probs: Map<string, number>, backoffs: Map<string, number>) {
    this.order = order;
    this.probs = probs;
    this.backoffs = backoffs;
    // KenLM gives a model without <unk> an <unk> log-probability of -100.
    this.unkProb = probs.get('<unk>') ?? -100;
  }

  /** Log10 probability of `word` after `history` (most recent last), backing off as in Katz / KenLM. */
  wordLogProb(history: readonly string[], word: string): number {
    const w = this.probs.has(word) ? word : '<unk>';
    let backoff = 0;
    for (let len = Math.min(history.length, this.order - 1); len > 0; len--) {
      const context = history.slice(history.length - len).join(' ');
      const p = this.probs.get(`${context} ${w}`);
      if (p !== undefined) return backoff + p;
      backoff += this.backoffs.get(context) ?? 0;
    }
    return backoff + (w === '<unk>' ? this.unkProb : this.probs.get(w)!);
  }

  /** KenLM's `score(sentence, bos=True, eos=True)` for already split words. */
  score(words: readonly string[]): number {
    const history: string[] = ['<s>'];
    let total = 0;
    for (const word of [...words, '</s>']) {
      total += this.wordLogProb(history, word);
      history.push(this.probs.has(word) ? word : '<unk>');
      if (history.length >= this.order) history.shift();
    }
    return total;
  }
}

const models = new Map<string, Promise<ArpaModel>>();

/** Reads an ARPA file (optionally `.gz`) once per process and path. */
export function loadArpaModel(path: string, op: string): Promise<ArpaModel> {
  let model = models.get(path);
  if (!model) {
    model = readArpa(path, op);
    models.set(path, model);
    model.catch(() => models.delete(path));
  }
  return model;
}

async function readArpa(path: string, op: string): Promise<ArpaModel> {
  const probs = new Map<string, number>();
  const backoffs = new Map<string, number>();
  let n = 0;
  let order = 0;
  const fail = (received: string): never => {
    throw configError('op-arpa-invalid', `${op}: '${path}' is not a readable ARPA language model`, {
      path: `${op}.model_path`,
      expected: 'an ARPA text file (\\data\\, \\1-grams:, ..., \\end\\), optionally gzip-compressed',
      received,
      fix: 'export the KenLM model as ARPA (build_binary models cannot be read), e.g. lmplz output',
    });
  };
  const raw = createReadStream(path);
  const input = path.endsWith('.gz') ? raw.pipe(createGunzip()) : raw;
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  try {
    for await (const line of lines) {
      if (line.length === 0) continue;
      if (line.charCodeAt(0) === 0x5c) {
        const section = /^\\(\d+)-grams:/.exec(line);
        n = section ? Number(section[1]) : 0;
        if (n > order) order = n;
        continue;
      }
      if (n === 0) continue;
      const fields = line.trim().split(/\s+/);
      if (fields.length < n + 1) fail(`line '${line.slice(0, 80)}' in the ${n}-grams`);
      const key = fields.slice(1, n + 1).join(' ');
      probs.set(key, Number(fields[0]));
      if (fields.length > n + 1) {
        const bo = Number(fields[n + 1]);
        if (bo !== 0) backoffs.set(key, bo);
      }
    }
  } catch (cause) {
    if (cause instanceof Error && 'code' in cause && typeof cause.code === 'string' && cause.code.startsWith('E')) {
      fail(cause.message);
    }
    throw cause;
  }
  if (order === 0) fail('no n-gram sections');
  return new ArpaModel(order, probs, backoffs);
}
