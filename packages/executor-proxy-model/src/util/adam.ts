import type { Param } from './params.ts';

/** Hyper-parameters of {@link Adam}. */
export interface AdamOptions {
  beta1: number;
  beta2: number;
  eps: number;
  weightDecay: number;
}

/** Adam (with decoupled weight decay, i.e. AdamW, when `weightDecay > 0`) over typed-array parameters. */
export class Adam {
  private readonly m: Float32Array[];
  private readonly v: Float32Array[];
  private t = 0;

  constructor(
    private readonly params: readonly Param[],
    private readonly options: AdamOptions = { beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0 },
  ) {
    this.m = params.map((p) => new Float32Array(p.data.length));
    this.v = params.map((p) => new Float32Array(p.data.length));
  }

  /**
   * Applies one update with learning rate `lr` from the accumulated gradients multiplied by `gradScale` (the
   * mean over the batch and the clipping factor, folded in here to save a pass over the weights).
   */
  step(lr: number, gradScale = 1): void {
    this.t++;
    const { beta1, beta2, eps, weightDecay } = this.options;
    const c1 = 1 - beta1 ** this.t;
    const c2 = 1 - beta2 ** this.t;
    const stepSize = lr / c1;
    const decay = 1 - lr * weightDecay;
    const invC2 = 1 / c2;
    const b1c = 1 - beta1;
    const b2c = 1 - beta2;
    for (let k = 0; k < this.params.length; k++) {
      const p = this.params[k]!;
      const m = this.m[k]!;
      const v = this.v[k]!;
      const w = p.data;
      const g = p.grad;
      for (let i = 0; i < w.length; i++) {
        const gi = g[i]! * gradScale;
        const mi = beta1 * m[i]! + b1c * gi;
        const vi = beta2 * v[i]! + b2c * gi * gi;
        m[i] = mi;
        v[i] = vi;
        w[i] = w[i]! * decay - (stepSize * mi) / (Math.sqrt(vi * invC2) + eps);
      }
    }
  }
}
