import type { Rng } from '../util/rng.ts';

/** Sizes of a {@link FastTextModel}. */
export interface FastTextShape {
  buckets: number;
  dim: number;
  labels: number;
}

/**
 * A fastText-style linear classifier (Joulin et al., 2016): the text vector combines its hashed feature embeddings,
 * and a softmax layer maps it to the labels. Trained by plain SGD one sample at a time, as fastText does; typed
 * arrays throughout. Difference: the embeddings are summed and divided by √n (not n, fastText's mean), so a long
 * mail's vector is not shrunk towards zero; on a few hundred mails this learns in 5 epochs what the mean needs
 * 20+ for.
 */
export class FastTextModel {
  private readonly hidden: Float64Array;
  private readonly grad: Float64Array;
  private readonly probs: Float64Array;

  constructor(
    readonly shape: FastTextShape,
    /** `[buckets, dim]` input embeddings. */
    readonly input: Float32Array,
    /** `[labels, dim]` output weights. */
    readonly output: Float32Array,
    /** `[labels]` output biases. */
    readonly bias: Float32Array,
  ) {
    this.hidden = new Float64Array(shape.dim);
    this.grad = new Float64Array(shape.dim);
    this.probs = new Float64Array(shape.labels);
  }

  /** Fresh weights: inputs uniform in ±1/dim, outputs zero (fastText's initialisation). */
  static init(shape: FastTextShape, rng: Rng): FastTextModel {
    return new FastTextModel(
      shape,
      rng.uniformArray(shape.buckets * shape.dim, 1 / shape.dim),
      new Float32Array(shape.labels * shape.dim),
      new Float32Array(shape.labels),
    );
  }

  /** Label probabilities of a feature list (a copy). */
  predict(features: Int32Array): Float64Array {
    this.forward(features);
    return Float64Array.from(this.probs);
  }

  /** One SGD update on a sample; returns its loss (nats) before the update. */
  update(features: Int32Array, label: number, lr: number): number {
    this.forward(features);
    const { dim, labels } = this.shape;
    const { hidden, grad, probs, output, bias, input } = this;
    const loss = -Math.log(Math.max(probs[label]!, 1e-300));
    grad.fill(0);
    for (let c = 0; c < labels; c++) {
      const g = probs[c]! - (c === label ? 1 : 0);
      const row = c * dim;
      for (let d = 0; d < dim; d++) {
        grad[d]! += g * output[row + d]!;
        output[row + d]! -= lr * g * hidden[d]!;
      }
      bias[c]! -= lr * g;
    }
    if (features.length === 0) return loss;
    const scale = lr / Math.sqrt(features.length);
    for (const f of features) {
      const row = f * dim;
      for (let d = 0; d < dim; d++) input[row + d]! -= scale * grad[d]!;
    }
    return loss;
  }

  private forward(features: Int32Array): void {
    const { dim, labels } = this.shape;
    const { hidden, probs, input, output, bias } = this;
    hidden.fill(0);
    for (const f of features) {
      const row = f * dim;
      for (let d = 0; d < dim; d++) hidden[d]! += input[row + d]!;
    }
    if (features.length > 0) for (let d = 0; d < dim; d++) hidden[d]! /= Math.sqrt(features.length);
    let max = Number.NEGATIVE_INFINITY;
    for (let c = 0; c < labels; c++) {
      let s = bias[c]!;
      const row = c * dim;
      for (let d = 0; d < dim; d++) s += output[row + d]! * hidden[d]!;
      probs[c] = s;
      if (s > max) max = s;
    }
    let sum = 0;
    for (let c = 0; c < labels; c++) {
      probs[c] = Math.exp(probs[c]! - max);
      sum += probs[c]!;
    }
    for (let c = 0; c < labels; c++) probs[c]! /= sum;
  }
}
