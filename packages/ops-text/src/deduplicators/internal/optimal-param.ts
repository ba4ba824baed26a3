/**
 * Data-Juicer's `optimal_param(threshold, num_perm)` (from datasketch; docs/text-operators.md#minhash-lsh): the LSH band/row split that
 * minimises `0.5·FP + 0.5·FN`, with `FP = ∫_0^t 1−(1−s^r)^b ds` and `FN = ∫_t^1 (1−s^r)^b ds`, scanning
 * b = 1..P, r = 1..floor(P/b) and keeping the first minimum. Data-Juicer integrates with scipy's adaptive `quad`;
 * both integrands are polynomials of degree r·b ≤ P, which Gauss–Legendre quadrature with ⌈(P+1)/2⌉ nodes
 * integrates exactly, so the results agree to rounding.
 */

/** Gauss–Legendre nodes and weights on [−1, 1] (Newton iteration on P_n). */
function gaussLegendre(n: number): { x: Float64Array; w: Float64Array } {
  const x = new Float64Array(n);
  const w = new Float64Array(n);
  for (let i = 0; i < Math.ceil(n / 2); i++) {
    let z = Math.cos((Math.PI * (i + 0.75)) / (n + 0.5));
    let dp = 0;
    for (let iter = 0; iter < 100; iter++) {
      let p0 = 1;
      let p1 = z;
      for (let k = 2; k <= n; k++) {
        const p2 = ((2 * k - 1) * z * p1 - (k - 1) * p0) / k;
        p0 = p1;
        p1 = p2;
      }
      dp = (n * (z * p1 - p0)) / (z * z - 1);
      const dz = p1 / dp;
      z -= dz;
      if (Math.abs(dz) < 1e-15) break;
    }
    x[i] = -z;
    x[n - 1 - i] = z;
    w[i] = w[n - 1 - i] = 2 / ((1 - z * z) * dp * dp);
  }
  return { x, w };
}

function integrate(f: (s: number) => number, lo: number, hi: number, gl: { x: Float64Array; w: Float64Array }): number {
  const half = (hi - lo) / 2;
  const mid = (hi + lo) / 2;
  let sum = 0;
  for (let i = 0; i < gl.x.length; i++) sum += (gl.w[i] as number) * f(mid + half * (gl.x[i] as number));
  return sum * half;
}

/** Returns `[numBands, rowsPerBand]` as Data-Juicer's `optimal_param` does. */
export function optimalParam(threshold: number, numPerm: number, fpWeight = 0.5, fnWeight = 0.5): [number, number] {
  const gl = gaussLegendre(Math.max(8, Math.ceil((numPerm + 1) / 2) + 1));
  let minError = Number.POSITIVE_INFINITY;
  let opt: [number, number] = [0, 0];
  for (let b = 1; b <= numPerm; b++) {
    const maxR = Math.floor(numPerm / b);
    for (let r = 1; r <= maxR; r++) {
      const fp = integrate((s) => 1 - (1 - s ** r) ** b, 0, threshold, gl);
      const fn = integrate((s) => 1 - (1 - (1 - s ** r) ** b), threshold, 1, gl);
      const error = fp * fpWeight + fn * fnWeight;
      if (error < minError) {
        minError = error;
        opt = [b, r];
      }
    }
  }
  return opt;
}
