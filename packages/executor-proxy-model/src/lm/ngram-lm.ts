import { type Param, param } from '../util/params.ts';
import type { Rng } from '../util/rng.ts';
import { accumulateRowGrads, rowsTimesVector } from './kernels.ts';
import type { VocabClasses } from './vocab-classes.ts';

/** Sizes of a {@link NgramLm}. */
export interface NgramLmShape {
  vocabSize: number;
  /** Tokens of context the model sees before the predicted one. */
  context: number;
  embedDim: number;
  hiddenDim: number;
  numClasses: number;
}

/**
 * A neural n-gram language model (Bengio et al., 2003) with a class-factored softmax: the embeddings of the last
 * `context` tokens are concatenated, go through one tanh layer, and the next token's probability is
 * `P(class | h) · P(token | class, h)`. Every position is independent, so training needs no recurrence, and the
 * factored softmax makes the output layer ~√vocab times cheaper than a full one: on CPU it reaches a low perplexity
 * sooner than a recurrent or attention model of the same cost.
 *
 * `step` computes one token's negative log-likelihood and, when training, adds its gradients to the parameters'
 * `grad` arrays. Hand-written loops over typed arrays: deterministic for a seed and fast in V8.
 */
export class NgramLm {
  readonly params: Param[];
  private readonly emb: Param;
  private readonly w1: Param;
  private readonly b1: Param;
  private readonly wc: Param;
  private readonly bc: Param;
  private readonly wo: Param;
  private readonly bo: Param;
  private readonly x: Float64Array;
  private readonly h: Float64Array;
  private readonly dh: Float64Array;
  private readonly da: Float64Array;
  private readonly dx: Float64Array;
  private readonly pc: Float64Array;
  private readonly pw: Float64Array;

  constructor(
    readonly shape: NgramLmShape,
    readonly classes: VocabClasses,
    weights: Map<string, Float32Array>,
  ) {
    const { vocabSize: V, context: K, embedDim: E, hiddenDim: H, numClasses: C } = shape;
    const get = (name: string): Float32Array => {
      const w = weights.get(name);
      if (!w) throw new Error(`missing weight tensor ${name}`);
      return w;
    };
    this.emb = param('emb', [V, E], get('emb'));
    this.w1 = param('w1', [H, K * E], get('w1'));
    this.b1 = param('b1', [H], get('b1'));
    this.wc = param('wc', [C, H], get('wc'));
    this.bc = param('bc', [C], get('bc'));
    this.wo = param('wo', [V, H], get('wo'));
    this.bo = param('bo', [V], get('bo'));
    this.params = [this.emb, this.w1, this.b1, this.wc, this.bc, this.wo, this.bo];
    const maxClass = Math.max(1, ...classes.members.map((m) => m.length));
    this.x = new Float64Array(K * E);
    this.h = new Float64Array(H);
    this.dh = new Float64Array(H);
    this.da = new Float64Array(H);
    this.dx = new Float64Array(K * E);
    this.pc = new Float64Array(C);
    this.pw = new Float64Array(maxClass);
  }

  /**
   * Fresh weights: small uniform values, with the output biases set to the log unigram probabilities (add-one
   * smoothed) so that training starts at the unigram model instead of a uniform one.
   */
  static init(shape: NgramLmShape, classes: VocabClasses, counts: Float64Array, rng: Rng): NgramLm {
    const { vocabSize: V, context: K, embedDim: E, hiddenDim: H, numClasses: C } = shape;
    const total = counts.reduce((s, c) => s + c + 1, 0);
    const classMass = new Float64Array(C);
    for (let id = 0; id < V; id++) classMass[classes.tokenClass[id]!]! += counts[id]! + 1;
    const bc = new Float32Array(C);
    for (let c = 0; c < C; c++) bc[c] = classMass[c]! > 0 ? Math.log(classMass[c]! / total) : -30;
    const bo = new Float32Array(V);
    for (let id = 0; id < V; id++) bo[id] = Math.log((counts[id]! + 1) / classMass[classes.tokenClass[id]!]!);
    const weights = new Map<string, Float32Array>([
      ['emb', rng.uniformArray(V * E, 0.1)],
      ['w1', rng.uniformArray(H * K * E, Math.sqrt(3 / (K * E)))],
      ['b1', new Float32Array(H)],
      ['wc', rng.uniformArray(C * H, 0.01)],
      ['bc', bc],
      ['wo', rng.uniformArray(V * H, 0.01)],
      ['bo', bo],
    ]);
    return new NgramLm(shape, classes, weights);
  }

  /**
   * Negative log-likelihood (nats) of `target` after the context `tokens[at - context .. at - 1]`; positions
   * before `start` read as end-of-text (id 0). With `train`, the gradients are accumulated.
   */
  step(tokens: Int32Array, at: number, start: number, target: number, train: boolean): number {
    const { context: K, embedDim: E, hiddenDim: H, numClasses: C } = this.shape;
    const { x, h, pc, pw } = this;
    const emb = this.emb.data;
    for (let k = 0; k < K; k++) {
      const pos = at - K + k;
      const src = (pos >= start ? tokens[pos]! : 0) * E;
      for (let e = 0; e < E; e++) x[k * E + e] = emb[src + e]!;
    }
    rowsTimesVector(this.w1.data, this.b1.data, null, H, x, h);
    for (let j = 0; j < H; j++) h[j] = Math.tanh(h[j]!);
    const cls = this.classes.tokenClass[target]!;
    const members = this.classes.members[cls]!;
    rowsTimesVector(this.wc.data, this.bc.data, null, C, h, pc);
    rowsTimesVector(this.wo.data, this.bo.data, members, members.length, h, pw);
    const nll = softmaxNll(pc, C, cls) + softmaxNll(pw, members.length, this.classes.indexInClass[target]!);
    if (train) this.backward(tokens, at, start, cls, members, this.classes.indexInClass[target]!);
    return nll;
  }

  private backward(tokens: Int32Array, at: number, start: number, cls: number, members: Int32Array, idx: number): void {
    const { context: K, embedDim: E, hiddenDim: H, numClasses: C } = this.shape;
    const { x, h, dh, da, dx, pc, pw } = this;
    dh.fill(0);
    pc[cls]! -= 1;
    accumulateRowGrads(this.wc.data, this.wc.grad, this.bc.grad, null, C, pc, h, dh);
    pw[idx]! -= 1;
    accumulateRowGrads(this.wo.data, this.wo.grad, this.bo.grad, members, members.length, pw, h, dh);
    for (let j = 0; j < H; j++) {
      const hj = h[j]!;
      da[j] = dh[j]! * (1 - hj * hj);
    }
    dx.fill(0);
    accumulateRowGrads(this.w1.data, this.w1.grad, this.b1.grad, null, H, da, x, dx);
    const embg = this.emb.grad;
    for (let k = 0; k < K; k++) {
      const pos = at - K + k;
      const dst = (pos >= start ? tokens[pos]! : 0) * E;
      for (let e = 0; e < E; e++) embg[dst + e]! += dx[k * E + e]!;
    }
  }
}

/** Turns logits `p[0..n)` into probabilities in place; returns `-log p[target]`. */
function softmaxNll(p: Float64Array, n: number, target: number): number {
  let max = Number.NEGATIVE_INFINITY;
  for (let r = 0; r < n; r++) if (p[r]! > max) max = p[r]!;
  let sum = 0;
  for (let r = 0; r < n; r++) {
    const e = Math.exp(p[r]! - max);
    p[r] = e;
    sum += e;
  }
  for (let r = 0; r < n; r++) p[r]! /= sum;
  return -Math.log(Math.max(p[target]!, 1e-300));
}
