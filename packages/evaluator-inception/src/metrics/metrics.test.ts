import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findExecutable } from '@dj-sandbox/env-manager';
import { testPythonEnv } from '@dj-sandbox/env-manager/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { readFeatures } from '../features.ts';
import { frechetDistance, inceptionScore, kernelDistance, precisionRecall, toFloat16 } from './distances.ts';
import type { Matrix } from './matrix.ts';
import { LegacyRandomState } from './random-state.ts';
import { combineRuns, formatTime, METRICS } from './registry.ts';

/** These tests make real uv environments (env-manager); without uv they cannot run. */
const UV_MISSING = findExecutable('uv') === undefined;

/** Deterministic pseudo-features (a small LCG), written as the extractor writes them and read back as float32. */
function features(dir: string, name: string, rows: number, cols: number, seed: number, probs = false): Matrix {
  let s = seed;
  const next = () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
  const values: number[] = [];
  for (let r = 0; r < rows; r++) {
    const row = Array.from({ length: cols }, (_, k) => (probs ? next() + 0.01 : next() * 3 - 1 + (k % 3) * 0.2 * seed));
    const sum = row.reduce((a, b) => a + b, 0);
    values.push(...(probs ? row.map((v) => v / sum) : row));
  }
  const buf = Buffer.alloc(values.length * 4);
  values.forEach((v, i) => {
    buf.writeFloatLE(v, i * 4);
  });
  writeFileSync(join(dir, `${name}.f32`), buf);
  writeFileSync(join(dir, `${name}.json`), JSON.stringify({ rows, cols }));
  return readFeatures(join(dir, name));
}

// The reference's formulas, in numpy/scipy, on the same feature files.
const REFERENCE = `
import json, sys
import numpy as np, scipy.linalg
d = sys.argv[1]
def load(name):
    h = json.load(open(f"{d}/{name}.json"))
    return np.fromfile(f"{d}/{name}.f32", dtype="<f4").reshape(h["rows"], h["cols"]).astype(np.float64)
def mean_cov(x):
    mu = x.mean(axis=0)
    return mu, (x.T @ x) / x.shape[0] - np.outer(mu, mu)
gen, real, probs = load("gen"), load("real"), load("probs")
mg, sg = mean_cov(gen); mr, sr = mean_cov(real)
s, _ = scipy.linalg.sqrtm(np.dot(sg, sr), disp=False)
fid = float(np.real(np.square(mg - mr).sum() + np.trace(sg + sr - s * 2)))
np.random.seed(7)
n = real.shape[1]; m = min(min(real.shape[0], gen.shape[0]), 1000); t = 0
for _ in range(100):
    x = gen[np.random.choice(gen.shape[0], m, replace=False)]
    y = real[np.random.choice(real.shape[0], m, replace=False)]
    a = (x @ x.T / n + 1) ** 3 + (y @ y.T / n + 1) ** 3
    b = (x @ y.T / n + 1) ** 3
    t += (a.sum() - np.diag(a).sum()) / (m - 1) - b.sum() * 2 / m
kid = t / 100 / m
scores = []
num_gen = probs.shape[0]
for i in range(10):
    part = probs[i * num_gen // 10 : (i + 1) * num_gen // 10]
    kl = part * (np.log(part) - np.log(np.mean(part, axis=0, keepdims=True)))
    scores.append(np.exp(np.mean(np.sum(kl, axis=1))))
def dist(a, b):
    return np.sqrt(((a[:, None, :] - b[None, :, :]) ** 2).sum(-1)).astype(np.float32)
pr = {}
for name, manifold, probes in [("precision", real, gen), ("recall", gen, real)]:
    kth = np.sort(dist(manifold, manifold), axis=1)[:, 3].astype(np.float16)
    pr[name] = float((dist(probes, manifold) <= kth[None, :]).any(axis=1).mean())
print(json.dumps({"fid": fid, "kid": float(kid), "is_mean": float(np.mean(scores)), "is_std": float(np.std(scores)), **pr}))
`;

describe.skipIf(UV_MISSING)(
  UV_MISSING
    ? `inception metric math against numpy/scipy on the same features (skipped: uv not on PATH)`
    : 'inception metric math against numpy/scipy on the same features',
  () => {
    const dir = mkdtempSync(join(tmpdir(), 'inception-math-'));
    const gen = features(dir, 'gen', 60, 12, 1);
    const real = features(dir, 'real', 70, 12, 2);
    const probs = features(dir, 'probs', 53, 8, 3, true);
    let ref: Record<string, number>;

    beforeAll(async () => {
      const python = await testPythonEnv('inception-metrics', ['numpy', 'scipy']);
      const script = join(dir, 'reference.py');
      writeFileSync(script, REFERENCE);
      const lines: string[] = [];
      await python.run(['python', script, dir], { onLine: (l) => lines.push(l) });
      ref = JSON.parse(lines.at(-1)!);
    }, 300_000);

    it("computes the Fréchet distance as scipy's sqrtm does", () => {
      expect(frechetDistance(gen, real)).toBeCloseTo(ref.fid!, 8);
    });

    it("computes the kernel distance on numpy's legacy random subsets", () => {
      expect(kernelDistance(gen, real, 100, 1000, new LegacyRandomState(7))).toBeCloseTo(ref.kid!, 12);
    });

    it('computes the inception score and its std over ten splits', () => {
      const { mean, std } = inceptionScore(probs, 50_000, 10);
      expect(mean).toBeCloseTo(ref.is_mean!, 10);
      expect(std).toBeCloseTo(ref.is_std!, 10);
    });

    it('computes precision and recall with float16 neighbourhood radii', () => {
      expect(precisionRecall(real, gen, 3)).toEqual({ precision: ref.precision, recall: ref.recall });
    });
  },
);

describe('the ten metrics of the reference', () => {
  it('produce the result keys the reference reports', () => {
    const dir = mkdtempSync(join(tmpdir(), 'inception-keys-'));
    const gen = features(dir, 'g', 20, 6, 4);
    const real = features(dir, 'r', 20, 6, 5);
    const probs = features(dir, 'p', 20, 6, 6, true);
    const keys = Object.fromEntries(
      Object.entries(METRICS).map(([name, spec]) => [
        name,
        Object.keys(spec.compute(spec.features.endsWith('probs') ? probs : gen, real, new LegacyRandomState(42))),
      ]),
    );
    expect(keys).toEqual({
      fvd2048_16f: ['fvd2048_16f'],
      fvd2048_128f: ['fvd2048_128f'],
      fvd2048_128f_subsample8f: ['fvd2048_128f_subsample8f'],
      kvd2048_16f: ['kvd2048_16f'],
      isv2048_ucf: ['isv2048_ucf_mean', 'isv2048_ucf_std'],
      prv2048_3n_16f: ['prv2048_3n_16f_precision', 'prv2048_3n_16f_recall'],
      fid50k: ['fid50k'],
      kid50k: ['kid50k'],
      is50k: ['is50k_mean', 'is50k_std'],
      pr50k_3n: ['pr50k_3n_precision', 'pr50k_3n_recall'],
    });
  });
});

describe('inception metric helpers', () => {
  it('round to float16 as torch does', () => {
    expect([1.0009765625, 1.00048828125, 1.000732421875, 65520, 2 ** -25].map(toFloat16)).toEqual([
      1.0009765625,
      1,
      1.0009765625,
      Number.POSITIVE_INFINITY,
      0,
    ]);
  });

  it('name the runs _run01.. and add the mean and population std when there are several', () => {
    expect(combineRuns([{ k: 1 }])).toEqual({ k: 1 });
    expect(combineRuns([{ k: 1 }, { k: 3 }])).toEqual({ k_run01: 1, k_run02: 3, k_mean: 2, k_std: 1 });
  });

  it("format the total time as the reference's format_time", () => {
    expect([12.4, 184, 7384, 93784].map(formatTime)).toEqual(['12s', '3m 04s', '2h 03m 04s', '1d 02h 03m']);
  });
});
