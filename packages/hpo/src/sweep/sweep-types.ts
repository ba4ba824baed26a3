/** The W&B distributions whose values are numbers (everything but `constant` and `categorical`). */
export const NUMERIC_DISTRIBUTIONS = [
  'int_uniform',
  'uniform',
  'q_uniform',
  'log_uniform',
  'log_uniform_values',
  'q_log_uniform',
  'q_log_uniform_values',
  'inv_log_uniform',
  'inv_log_uniform_values',
  'normal',
  'q_normal',
  'log_normal',
  'q_log_normal',
  'beta',
  'q_beta',
] as const;

/** A numeric W&B distribution. */
export type NumericDistribution = (typeof NUMERIC_DISTRIBUTIONS)[number];

/** Every distribution name a sweep may write (`categorical_w_probabilities` is W&B's inferred name). */
export const DISTRIBUTIONS = [
  'constant',
  'categorical',
  'categorical_w_probabilities',
  ...NUMERIC_DISTRIBUTIONS,
] as const;

/** A parameter that never changes (`value:` or `distribution: constant`). */
export interface ConstantParam {
  kind: 'constant';
  /** The dotted key the value is applied to. */
  name: string;
  value: unknown;
}

/** A parameter drawn from a list (`values:`, with optional `probabilities:`). */
export interface CategoricalParam {
  kind: 'categorical';
  name: string;
  values: unknown[];
  /** Normalised to sum to 1; uniform when the sweep gave none. */
  probabilities: number[];
}

/**
 * A numeric parameter with W&B's defaults filled in: `min`/`max` (exponents for `log_uniform`,
 * `q_log_uniform` and `inv_log_uniform`; values for the `_values` forms), `mu`/`sigma` (0, 1) for the normal
 * family, `a`/`b` (1, 1) for beta, and `q` (1) for the quantised forms.
 */
export interface NumericParam {
  kind: 'numeric';
  name: string;
  distribution: NumericDistribution;
  min: number;
  max: number;
  mu: number;
  sigma: number;
  a: number;
  b: number;
  /** The quantisation step, or `null` for continuous distributions. */
  q: number | null;
}

/** One searched (or constant) parameter. */
export type ParamSpec = ConstantParam | CategoricalParam | NumericParam;

/** `early_terminate` with defaults applied and the bands computed (see `early-stop/hyperband.ts`). */
export interface HyperbandConfig {
  type: 'hyperband';
  eta: number;
  /** Iteration counts (numbers of metric reports) at which weak trials are stopped, ascending. */
  bands: number[];
  /** `strict: true` compares the value at the band instead of the best value so far. */
  strict: boolean;
  min_iter?: number;
  max_iter?: number;
  s?: number;
}

/** Options of the TPE sampler (our addition: a `tpe:` block in the sweep). */
export interface TpeOptions {
  n_startup_trials: number;
  n_ei_candidates: number;
  /**
   * Candidates drawn while other trials are still running (parallel search): more than `n_ei_candidates` (twice,
   * unless given), because such a proposal is made without the pending results (docs/recipe-search.md, "Parallel
   * search").
   */
  n_ei_candidates_pending: number;
  gamma: number;
  /** Hyperopt's linear forgetting: observations beyond this many (oldest first) get ramped-down weights. */
  linear_forgetting: number;
  prior_weight: number;
  /** Model all parameters jointly (Optuna's default) instead of each on its own (hyperopt). */
  multivariate: boolean;
}

/** A validated sweep: what samplers, hyperband and the search loop consume. */
export interface Sweep {
  method: 'grid' | 'random' | 'bayes';
  metric: { name: string; goal: 'minimize' | 'maximize'; target?: number };
  /** Parameters in W&B's order (sorted by key), nested `parameters:` flattened to dotted keys. */
  parameters: ParamSpec[];
  early_terminate?: HyperbandConfig;
  /** `sweep_max_count`, else `run_cap`; `undefined` means unlimited (grid stops when the grid is done). */
  maxTrials?: number;
  /** Seed of every sampler draw (our addition; default 0). */
  seed: number;
  tpe: TpeOptions;
  /** The sweep as written (after defaults), stored in `study/sweep.json`. */
  raw: Record<string, unknown>;
}

/**
 * TPE defaults, Optuna's (`TPESampler()` in Optuna 5): 10 prior draws, 24 candidates, the good group
 * `ceil(0.1 · n)` capped at 25, the ramp of linear forgetting after 25 trials, prior weight 1, multivariate
 * kernels; our addition for parallel search: 48 candidates while other trials run. docs/recipe-search.md says why
 * each.
 */
export const TPE_DEFAULTS: TpeOptions = {
  n_startup_trials: 10,
  n_ei_candidates: 24,
  n_ei_candidates_pending: 48,
  gamma: 0.1,
  linear_forgetting: 25,
  prior_weight: 1,
  multivariate: true,
};
