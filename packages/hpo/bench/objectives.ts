/** Standard HPO test functions with their known minima (Surjanovic and Bingham's Virtual Library). */

/** Branin-Hoo on x1 ∈ [-5, 10], x2 ∈ [0, 15]; global minimum 0.397887 at three points. */
export function branin(x1: number, x2: number): number {
  const a = 1;
  const b = 5.1 / (4 * Math.PI ** 2);
  const c = 5 / Math.PI;
  const r = 6;
  const s = 10;
  const t = 1 / (8 * Math.PI);
  return a * (x2 - b * x1 * x1 + c * x1 - r) ** 2 + s * (1 - t) * Math.cos(x1) + s;
}

/** The known minimum of {@link branin}. */
export const BRANIN_MIN = 0.397887;

const H_ALPHA = [1.0, 1.2, 3.0, 3.2];
const H_A = [
  [10, 3, 17, 3.5, 1.7, 8],
  [0.05, 10, 17, 0.1, 8, 14],
  [3, 3.5, 1.7, 10, 17, 8],
  [17, 8, 0.05, 10, 0.1, 14],
];
const H_P = [
  [1312, 1696, 5569, 124, 8283, 5886],
  [2329, 4135, 8307, 3736, 1004, 9991],
  [2348, 1451, 3522, 2883, 3047, 6650],
  [4047, 8828, 8732, 5743, 1091, 381],
].map((row) => row.map((v) => v * 1e-4));

/** Hartmann-6 on [0, 1]^6; global minimum -3.32237. */
export function hartmann6(x: readonly number[]): number {
  let outer = 0;
  for (let i = 0; i < 4; i++) {
    let inner = 0;
    for (let j = 0; j < 6; j++) inner += H_A[i]![j]! * (x[j]! - H_P[i]![j]!) ** 2;
    outer += H_ALPHA[i]! * Math.exp(-inner);
  }
  return -outer;
}

/** The known minimum of {@link hartmann6}. */
export const HARTMANN6_MIN = -3.32237;
