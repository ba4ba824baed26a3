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

const DEDUP_BASE: Record<string, number> = { none: 0.6, exact: 0.3, minhash: 0, simhash: 0.2 };

/**
 * A recipe-shaped objective (a stand-in for "quality loss of the data a recipe keeps"): a float threshold, an int
 * length bound and a log-scaled learning rate that interact, a categorical dedup method, and a parameter
 * (`jaccard`) that matters only when `dedup` is `minhash`. Minimum 0 at minhash, jaccard 0.8, min_score 0.6,
 * min_len 80, lr 10^-4.2.
 */
export function recipeLoss(p: {
  min_score: number;
  min_len: number;
  lr: number;
  dedup: string;
  jaccard?: number | undefined;
}): number {
  const u = p.min_score - 0.6;
  const v = (p.min_len - 80) / 100;
  const w = Math.log10(p.lr) + 4.2;
  let loss = DEDUP_BASE[p.dedup]! + 5 * u * u - 3 * u * v + 1.75 * v * v + 0.3 * w * w;
  if (p.dedup === 'minhash') loss += 4 * (p.jaccard! - 0.8) ** 2;
  return loss;
}

/** The known minimum of {@link recipeLoss}. */
export const RECIPE_MIN = 0;
