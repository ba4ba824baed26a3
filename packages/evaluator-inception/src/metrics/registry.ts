import { frechetDistance, inceptionScore, kernelDistance, precisionRecall } from './distances.ts';
import type { Matrix } from './matrix.ts';
import type { LegacyRandomState } from './random-state.ts';

/** How one metric is computed from the extracted features. */
export interface MetricSpec {
  /** What the extractor computes: which detector output, on frames or clips. */
  readonly features: 'inception-features' | 'inception-probs' | 'i3d-features' | 'c3d-probs' | 'vgg16-features';
  /** Clip length in frames (video metrics) and frame stride; 1 / 1 for per-frame metrics. */
  readonly frames: number;
  readonly subsample: number;
  /** At most this many items are sampled from each dataset. */
  readonly maxItems: number;
  /** Whether the real dataset is needed. */
  readonly needsReal: boolean;
  compute(gen: Matrix, real: Matrix | null, rng: LegacyRandomState): Record<string, number>;
}

const frechet = (
  key: string,
  features: MetricSpec['features'],
  frames: number,
  subsample: number,
  maxItems: number,
): MetricSpec => ({
  features,
  frames,
  subsample,
  maxItems,
  needsReal: true,
  compute: (gen, real) => ({ [key]: frechetDistance(gen, real!) }),
});

/**
 * The reference's ten metrics (its `metric_main`), with their result keys and parameters: 2048 clips for the video
 * metrics and 50,000 frames for the image ones; KID/KVD over 100 subsets of at most 1,000 (KID reported ×1000);
 * IS/ISV over 10 splits; PR with the 3rd nearest neighbour.
 */
export const METRICS: Readonly<Record<string, MetricSpec>> = {
  fvd2048_16f: frechet('fvd2048_16f', 'i3d-features', 16, 1, 2048),
  fvd2048_128f: frechet('fvd2048_128f', 'i3d-features', 128, 1, 2048),
  fvd2048_128f_subsample8f: frechet('fvd2048_128f_subsample8f', 'i3d-features', 16, 8, 2048),
  kvd2048_16f: {
    features: 'i3d-features',
    frames: 16,
    subsample: 1,
    maxItems: 2048,
    needsReal: true,
    compute: (gen, real, rng) => ({ kvd2048_16f: kernelDistance(gen, real!, 100, 1000, rng) }),
  },
  isv2048_ucf: {
    features: 'c3d-probs',
    frames: 16,
    subsample: 1,
    maxItems: 2048,
    needsReal: false,
    compute: (gen) => {
      const { mean, std } = inceptionScore(gen, 2048, 10);
      return { isv2048_ucf_mean: mean, isv2048_ucf_std: std };
    },
  },
  prv2048_3n_16f: {
    features: 'i3d-features',
    frames: 16,
    subsample: 1,
    maxItems: 2048,
    needsReal: true,
    compute: (gen, real) => {
      const { precision, recall } = precisionRecall(real!, gen, 3);
      return { prv2048_3n_16f_precision: precision, prv2048_3n_16f_recall: recall };
    },
  },
  fid50k: frechet('fid50k', 'inception-features', 1, 1, 50_000),
  kid50k: {
    features: 'inception-features',
    frames: 1,
    subsample: 1,
    maxItems: 50_000,
    needsReal: true,
    compute: (gen, real, rng) => ({ kid50k: kernelDistance(gen, real!, 100, 1000, rng) * 1000 }),
  },
  is50k: {
    features: 'inception-probs',
    frames: 1,
    subsample: 1,
    maxItems: 50_000,
    needsReal: false,
    compute: (gen) => {
      const { mean, std } = inceptionScore(gen, 50_000, 10);
      return { is50k_mean: mean, is50k_std: std };
    },
  },
  pr50k_3n: {
    features: 'vgg16-features',
    frames: 1,
    subsample: 1,
    maxItems: 50_000,
    needsReal: true,
    compute: (gen, real) => {
      const { precision, recall } = precisionRecall(real!, gen, 3);
      return { pr50k_3n_precision: precision, pr50k_3n_recall: recall };
    },
  },
};

/**
 * The results of `numRuns` runs as the reference reports them: one run's keys as they are; with more runs,
 * `<key>_run01...` for every run, then `<key>_mean` and `<key>_std` (population std) per key.
 */
export function combineRuns(runs: ReadonlyArray<Record<string, number>>): Record<string, number> {
  if (runs.length === 1) return { ...runs[0] };
  const out: Record<string, number> = {};
  runs.forEach((run, i) => {
    for (const [key, value] of Object.entries(run)) out[`${key}_run${String(i + 1).padStart(2, '0')}`] = value;
  });
  for (const key of Object.keys(runs[0]!)) {
    const values = runs.map((r) => r[key]!);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    out[`${key}_mean`] = mean;
    out[`${key}_std`] = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length);
  }
  return out;
}

/** The reference's `format_time`: `12s`, `3m 04s`, `2h 03m 04s`, `1d 02h 03m`. */
export function formatTime(seconds: number): string {
  const s = Math.round(seconds);
  const p = (n: number) => String(n).padStart(2, '0');
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m ${p(s % 60)}s`;
  if (s < 86400) return `${Math.floor(s / 3600)}h ${p(Math.floor(s / 60) % 60)}m ${p(s % 60)}s`;
  return `${Math.floor(s / 86400)}d ${p(Math.floor(s / 3600) % 24)}h ${p(Math.floor(s / 60) % 60)}m`;
}
