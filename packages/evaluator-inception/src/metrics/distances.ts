import { type Matrix, meanCovariance, multiplyTransposed, pickRows, sliceRows, traceSqrtProduct } from './matrix.ts';
import type { LegacyRandomState } from './random-state.ts';

/**
 * The Fréchet distance between two feature sets (FID, FVD): `‖μ₁ − μ₂‖² + tr(Σ₁ + Σ₂ − 2 √(Σ₁ Σ₂))`, with the
 * reference's biased covariances.
 */
export function frechetDistance(gen: Matrix, real: Matrix): number {
  const g = meanCovariance(gen);
  const r = meanCovariance(real);
  let m = 0;
  for (let k = 0; k < g.mean.length; k++) m += (g.mean[k]! - r.mean[k]!) ** 2;
  let trace = 0;
  for (let k = 0; k < gen.cols; k++) trace += g.cov.data[k * gen.cols + k]! + r.cov.data[k * gen.cols + k]!;
  return m + trace - 2 * traceSqrtProduct(g.cov, r.cov);
}

/**
 * The kernel distance (KID, KVD): the unbiased MMD² with the cubic polynomial kernel `(x·y / d + 1)³`, averaged
 * over `numSubsets` random subsets of `min(n_gen, n_real, maxSubsetSize)` rows drawn without replacement, as numpy's
 * legacy `np.random.choice` draws them after `np.random.seed(seed)` (gen subset first, then real, per subset).
 */
export function kernelDistance(
  gen: Matrix,
  real: Matrix,
  numSubsets: number,
  maxSubsetSize: number,
  rng: LegacyRandomState,
): number {
  const n = real.cols;
  const m = Math.min(gen.rows, real.rows, maxSubsetSize);
  const kernel = (a: Matrix, b: Matrix) => multiplyTransposed(a, b).data.map((v) => (v / n + 1) ** 3);
  let t = 0;
  for (let s = 0; s < numSubsets; s++) {
    const x = pickRows(gen, rng.choiceWithoutReplacement(gen.rows, m));
    const y = pickRows(real, rng.choiceWithoutReplacement(real.rows, m));
    const kxx = kernel(x, x);
    const kyy = kernel(y, y);
    const kxy = kernel(x, y);
    let sumA = 0;
    let diagA = 0;
    for (let i = 0; i < m * m; i++) sumA += kxx[i]! + kyy[i]!;
    for (let i = 0; i < m; i++) diagA += kxx[i * m + i]! + kyy[i * m + i]!;
    let sumB = 0;
    for (const v of kxy) sumB += v;
    t += (sumA - diagA) / (m - 1) - (sumB * 2) / m;
  }
  return t / numSubsets / m;
}

/**
 * The inception score over `numSplits` consecutive splits of the class probabilities (IS, ISV): per split
 * `exp(mean_i Σ_c p_ic (log p_ic − log mean_i p_ic))`; returns the mean and the population std of the splits.
 */
export function inceptionScore(probs: Matrix, numGen: number, numSplits: number): { mean: number; std: number } {
  const n = Math.min(probs.rows, numGen);
  const c = probs.cols;
  const scores: number[] = [];
  for (let s = 0; s < numSplits; s++) {
    const part = sliceRows(probs, Math.floor((s * n) / numSplits), Math.floor(((s + 1) * n) / numSplits));
    const marginal = new Float64Array(c);
    for (let i = 0; i < part.rows; i++) for (let k = 0; k < c; k++) marginal[k]! += part.data[i * c + k]!;
    for (let k = 0; k < c; k++) marginal[k] = Math.log(marginal[k]! / part.rows);
    let kl = 0;
    for (let i = 0; i < part.rows; i++) {
      let row = 0;
      for (let k = 0; k < c; k++) {
        const p = part.data[i * c + k]!;
        row += p * (Math.log(p) - marginal[k]!);
      }
      kl += row;
    }
    scores.push(Math.exp(kl / part.rows));
  }
  const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
  const std = Math.sqrt(scores.reduce((a, b) => a + (b - mean) ** 2, 0) / scores.length);
  return { mean, std };
}

const halfView = new DataView(new ArrayBuffer(4));

/** Rounds a float32 value to the nearest float16 (round half to even), as `tensor.to(torch.float16)` does. */
export function toFloat16(x: number): number {
  halfView.setFloat32(0, x);
  const f = halfView.getUint32(0);
  const sign = f >>> 31 ? -1 : 1;
  const exp = ((f >>> 23) & 0xff) - 127;
  if (!Number.isFinite(x) || x === 0) return x;
  if (exp > 15) return sign * Number.POSITIVE_INFINITY;
  // float16 has 10 fraction bits; below 2^-14 the spacing is fixed at 2^-24 (subnormals).
  const spacing = exp < -14 ? 2 ** -24 : 2 ** (exp - 10);
  const q = Math.abs(x) / spacing;
  const floor = Math.floor(q);
  const diff = q - floor;
  const rounded = diff > 0.5 || (diff === 0.5 && floor % 2 === 1) ? floor + 1 : floor;
  const value = rounded * spacing;
  return sign * (value > 65504 ? Number.POSITIVE_INFINITY : value);
}

function euclidean(a: Matrix, i: number, b: Matrix, j: number): number {
  let s = 0;
  for (let k = 0; k < a.cols; k++) s += (a.data[i * a.cols + k]! - b.data[j * b.cols + k]!) ** 2;
  return Math.fround(Math.sqrt(s));
}

/**
 * Improved precision and recall (PR, PRV): a manifold point's radius is the distance to its `nhoodSize`-th nearest
 * other point (the reference takes the (k+1)-th smallest distance, itself included, and stores it as float16); a
 * probe is covered when it lies within the radius of some manifold point. Precision: generated probes against the
 * real manifold; recall: real probes against the generated one.
 */
export function precisionRecall(real: Matrix, gen: Matrix, nhoodSize: number): { precision: number; recall: number } {
  const covered = (manifold: Matrix, probes: Matrix) => {
    const radii = new Float64Array(manifold.rows);
    for (let i = 0; i < manifold.rows; i++) {
      const d: number[] = [];
      for (let j = 0; j < manifold.rows; j++) d.push(euclidean(manifold, i, manifold, j));
      d.sort((a, b) => a - b);
      radii[i] = toFloat16(d[Math.min(nhoodSize, d.length - 1)]!);
    }
    let hits = 0;
    for (let p = 0; p < probes.rows; p++) {
      for (let i = 0; i < manifold.rows; i++) {
        if (euclidean(probes, p, manifold, i) <= radii[i]!) {
          hits++;
          break;
        }
      }
    }
    return hits / probes.rows;
  };
  return { precision: covered(real, gen), recall: covered(gen, real) };
}
