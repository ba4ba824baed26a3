/** A dense row-major matrix of float64: `rows` × `cols`. */
export interface Matrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;
}

/** Wraps row-major data. */
export function matrix(rows: number, cols: number, data: Float64Array | ArrayLike<number>): Matrix {
  return { rows, cols, data: data instanceof Float64Array ? data : Float64Array.from(data) };
}

/** The rows picked by `indices`, in that order. */
export function pickRows(m: Matrix, indices: readonly number[]): Matrix {
  const out = new Float64Array(indices.length * m.cols);
  indices.forEach((r, i) => {
    out.set(m.data.subarray(r * m.cols, (r + 1) * m.cols), i * m.cols);
  });
  return matrix(indices.length, m.cols, out);
}

/** Rows `start` (inclusive) to `end` (exclusive). */
export function sliceRows(m: Matrix, start: number, end: number): Matrix {
  return matrix(end - start, m.cols, m.data.slice(start * m.cols, end * m.cols));
}

/** `a @ b.T` (so both are given row-major with the same number of columns). */
export function multiplyTransposed(a: Matrix, b: Matrix): Matrix {
  const out = new Float64Array(a.rows * b.rows);
  const n = a.cols;
  for (let i = 0; i < a.rows; i++) {
    const ai = i * n;
    for (let j = 0; j < b.rows; j++) {
      const bj = j * n;
      let s = 0;
      for (let k = 0; k < n; k++) s += a.data[ai + k]! * b.data[bj + k]!;
      out[i * b.rows + j] = s;
    }
  }
  return matrix(a.rows, b.rows, out);
}

/**
 * Mean and covariance of the rows, as the reference's feature statistics compute them: the covariance divides by
 * the number of rows (`E[xxᵀ] − μμᵀ`), not by rows − 1.
 */
export function meanCovariance(x: Matrix): { mean: Float64Array; cov: Matrix } {
  const { rows: n, cols: d } = x;
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let k = 0; k < d; k++) mean[k]! += x.data[i * d + k]!;
  for (let k = 0; k < d; k++) mean[k]! /= n;
  const cov = new Float64Array(d * d);
  for (let i = 0; i < n; i++) {
    const row = i * d;
    for (let a = 0; a < d; a++) {
      const xa = x.data[row + a]!;
      for (let b = a; b < d; b++) cov[a * d + b]! += xa * x.data[row + b]!;
    }
  }
  for (let a = 0; a < d; a++) {
    for (let b = a; b < d; b++) {
      const v = cov[a * d + b]! / n - mean[a]! * mean[b]!;
      cov[a * d + b] = v;
      cov[b * d + a] = v;
    }
  }
  return { mean, cov: matrix(d, d, cov) };
}

/** Eigenvalues and eigenvectors (columns of `vectors`) of a symmetric matrix, by cyclic Jacobi rotations. */
export function symmetricEigen(s: Matrix): { values: Float64Array; vectors: Matrix } {
  const n = s.rows;
  const a = Float64Array.from(s.data);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    let diag = 0;
    for (let p = 0; p < n; p++) {
      diag += a[p * n + p]! ** 2;
      for (let q = p + 1; q < n; q++) off += a[p * n + q]! ** 2;
    }
    if (off <= 1e-30 * Math.max(diag, 1e-300)) break;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q]!;
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (a[q * n + q]! - a[p * n + p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const sn = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k * n + p]!;
          const akq = a[k * n + q]!;
          a[k * n + p] = c * akp - sn * akq;
          a[k * n + q] = sn * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p * n + k]!;
          const aqk = a[q * n + k]!;
          a[p * n + k] = c * apk - sn * aqk;
          a[q * n + k] = sn * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k * n + p]!;
          const vkq = v[k * n + q]!;
          v[k * n + p] = c * vkp - sn * vkq;
          v[k * n + q] = sn * vkp + c * vkq;
        }
      }
    }
  }
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = a[i * n + i]!;
  return { values, vectors: matrix(n, n, v) };
}

/**
 * `trace(sqrtm(A @ B))` for covariance (symmetric positive semi-definite) A and B: the eigenvalues of `A B` are those
 * of `√A B √A`, which is symmetric, so the trace is the sum of their square roots (negative round-off clipped to 0).
 * This is the real part of what `scipy.linalg.sqrtm(A @ B)` gives in the Fréchet distance.
 */
export function traceSqrtProduct(a: Matrix, b: Matrix): number {
  const n = a.rows;
  const { values, vectors } = symmetricEigen(a);
  // √A = V diag(√λ) Vᵀ
  const root = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      let s = 0;
      for (let k = 0; k < n; k++)
        s += vectors.data[i * n + k]! * Math.sqrt(Math.max(values[k]!, 0)) * vectors.data[j * n + k]!;
      root[i * n + j] = s;
      root[j * n + i] = s;
    }
  }
  const r = matrix(n, n, root);
  const rb = multiplyTransposed(r, b); // √A Bᵀ = √A B (B symmetric)
  const m = multiplyTransposed(rb, r); // (√A B) √Aᵀ
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const avg = (m.data[i * n + j]! + m.data[j * n + i]!) / 2;
      m.data[i * n + j] = avg;
      m.data[j * n + i] = avg;
    }
  }
  return symmetricEigen(m).values.reduce((sum, l) => sum + Math.sqrt(Math.max(l, 0)), 0);
}
