import type { SparseVector } from '../features/hashing-tf.ts';
import { sigmoid } from '../model/quality-model.ts';
import { lbfgs } from './lbfgs.ts';

/** Options of {@link fitLogisticRegression}. */
export interface FitOptions {
  numFeatures: number;
  /** L2 strength on the mean log-loss (the intercept is not penalised). */
  regParam: number;
  maxIter?: number;
  tol?: number;
}

/**
 * Binary logistic regression on sparse vectors by L-BFGS: minimises mean log-loss + regParam/2·‖w‖². Returns the
 * coefficients and the intercept.
 */
export function fitLogisticRegression(
  xs: readonly SparseVector[],
  labels: ArrayLike<number>,
  options: FitOptions,
): { weights: Float64Array; intercept: number; iterations: number; loss: number } {
  const n = xs.length;
  const d = options.numFeatures;
  const theta = new Float64Array(d + 1);
  const objective = (w: Float64Array, grad: Float64Array): number => {
    grad.fill(0);
    let loss = 0;
    for (let r = 0; r < n; r++) {
      const x = xs[r]!;
      let z = w[d]!;
      for (let k = 0; k < x.indices.length; k++) z += w[x.indices[k]!]! * x.values[k]!;
      const y = labels[r]!;
      // log(1 + e^z) - y·z, stably.
      loss += (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))) - y * z;
      const err = (sigmoid(z) - y) / n;
      for (let k = 0; k < x.indices.length; k++) grad[x.indices[k]!]! += err * x.values[k]!;
      grad[d]! += err;
    }
    let penalty = 0;
    for (let i = 0; i < d; i++) {
      penalty += w[i]! * w[i]!;
      grad[i]! += options.regParam * w[i]!;
    }
    return loss / n + (options.regParam / 2) * penalty;
  };
  const { value, iterations } = lbfgs(objective, theta, {
    maxIter: options.maxIter ?? 100,
    tol: options.tol ?? 1e-6,
  });
  return { weights: theta.subarray(0, d), intercept: theta[d]!, iterations, loss: value };
}
