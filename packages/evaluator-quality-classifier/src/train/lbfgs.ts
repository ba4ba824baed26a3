/** A differentiable objective: writes the gradient at `x` into `grad` and returns the value. */
export type Objective = (x: Float64Array, grad: Float64Array) => number;

/** Options of {@link lbfgs}. */
export interface LbfgsOptions {
  maxIter?: number;
  /** History size. */
  memory?: number;
  /** Stops when the relative change of the objective falls below this (Spark's default tol is 1e-6). */
  tol?: number;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

/**
 * Limited-memory BFGS with a backtracking (Armijo) line search. Minimises `f` from `x0` in place and returns the
 * final value and the iterations used.
 */
export function lbfgs(
  f: Objective,
  x: Float64Array,
  options: LbfgsOptions = {},
): { value: number; iterations: number } {
  const maxIter = options.maxIter ?? 100;
  const m = options.memory ?? 10;
  const tol = options.tol ?? 1e-6;
  const n = x.length;
  const grad = new Float64Array(n);
  const nextGrad = new Float64Array(n);
  const next = new Float64Array(n);
  const dir = new Float64Array(n);
  const s: Float64Array[] = [];
  const y: Float64Array[] = [];
  const rho: number[] = [];
  let value = f(x, grad);
  let iter = 0;
  for (; iter < maxIter; iter++) {
    // Two-loop recursion: dir = -H·grad.
    dir.set(grad);
    const alpha: number[] = [];
    for (let k = s.length - 1; k >= 0; k--) {
      const a = rho[k]! * dot(s[k]!, dir);
      alpha[k] = a;
      const yk = y[k]!;
      for (let i = 0; i < n; i++) dir[i]! -= a * yk[i]!;
    }
    const gamma =
      s.length > 0
        ? dot(s[s.length - 1]!, y[y.length - 1]!) / dot(y[y.length - 1]!, y[y.length - 1]!)
        : 1 / Math.sqrt(dot(grad, grad));
    for (let i = 0; i < n; i++) dir[i]! *= gamma;
    for (let k = 0; k < s.length; k++) {
      const b = rho[k]! * dot(y[k]!, dir);
      const sk = s[k]!;
      for (let i = 0; i < n; i++) dir[i]! += (alpha[k]! - b) * sk[i]!;
    }
    for (let i = 0; i < n; i++) dir[i] = -dir[i]!;
    let slope = dot(grad, dir);
    if (slope >= 0) {
      // Not a descent direction (numerical trouble): restart from steepest descent.
      s.length = y.length = rho.length = 0;
      for (let i = 0; i < n; i++) dir[i] = -grad[i]! / Math.sqrt(dot(grad, grad));
      slope = dot(grad, dir);
    }
    let step = 1;
    let nextValue = Number.POSITIVE_INFINITY;
    for (let tries = 0; tries < 40; tries++) {
      for (let i = 0; i < n; i++) next[i] = x[i]! + step * dir[i]!;
      nextValue = f(next, nextGrad);
      if (nextValue <= value + 1e-4 * step * slope) break;
      step /= 2;
    }
    if (!(nextValue <= value)) break;
    const sk = new Float64Array(n);
    const yk = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      sk[i] = next[i]! - x[i]!;
      yk[i] = nextGrad[i]! - grad[i]!;
    }
    const sy = dot(sk, yk);
    if (sy > 1e-12) {
      s.push(sk);
      y.push(yk);
      rho.push(1 / sy);
      if (s.length > m) {
        s.shift();
        y.shift();
        rho.shift();
      }
    }
    const change = Math.abs(value - nextValue) / Math.max(Math.abs(nextValue), 1e-12);
    x.set(next);
    grad.set(nextGrad);
    value = nextValue;
    if (change < tol) {
      iter++;
      break;
    }
  }
  return { value, iterations: iter };
}
