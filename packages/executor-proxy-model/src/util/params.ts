/** One named weight tensor with its gradient, stored row-major in typed arrays. */
export interface Param {
  readonly name: string;
  readonly shape: readonly number[];
  readonly data: Float32Array;
  readonly grad: Float32Array;
}

/** Creates a parameter from its initial values. */
export function param(name: string, shape: readonly number[], data: Float32Array): Param {
  const size = shape.reduce((a, b) => a * b, 1);
  if (data.length !== size) throw new Error(`parameter ${name}: ${data.length} values for shape [${shape.join(', ')}]`);
  return { name, shape, data, grad: new Float32Array(size) };
}

/** Sets every gradient to zero. */
export function zeroGrads(params: readonly Param[]): void {
  for (const p of params) p.grad.fill(0);
}

/** The global L2 norm of the gradients. */
export function gradNorm(params: readonly Param[]): number {
  let sum = 0;
  for (const p of params) {
    const g = p.grad;
    for (let i = 0; i < g.length; i++) sum += g[i]! * g[i]!;
  }
  return Math.sqrt(sum);
}

/**
 * The factor that turns summed gradients of `count` items into their mean, clipped to a global norm of at most
 * `maxNorm` (no clipping when it is null).
 */
export function meanClipFactor(params: readonly Param[], count: number, maxNorm: number | null): number {
  const mean = 1 / Math.max(1, count);
  if (maxNorm === null) return mean;
  const norm = gradNorm(params) * mean;
  return norm > maxNorm ? (mean * maxNorm) / norm : mean;
}
