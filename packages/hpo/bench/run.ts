/**
 * Recipe-search benchmark: median best value after 50 trials over 20 seeds, TPE (method bayes) against random, on
 * Branin (2-D) and Hartmann-6, with the known optima. Samplers are driven ask/tell, as runSearch drives them;
 * one more timing runs a whole 50-trial TPE search through runSearch (study files included). Prints ONE JSON object.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GLOBAL_DEFAULTS, type SandboxConfig } from '@dj-sandbox/core';
import { createSampler, type Observation, parseSweep, runSearch } from '../src/index.ts';
import { BRANIN_MIN, branin, HARTMANN6_MIN, hartmann6 } from './objectives.ts';

const TRIALS = 50;
const SEEDS = 20;

interface Problem {
  name: string;
  optimum: number;
  parameters: Record<string, unknown>;
  f: (p: Record<string, unknown>) => number;
}

const problems: Problem[] = [
  {
    name: 'branin',
    optimum: BRANIN_MIN,
    parameters: {
      x1: { distribution: 'uniform', min: -5, max: 10 },
      x2: { distribution: 'uniform', min: 0, max: 15 },
    },
    f: (p) => branin(p.x1 as number, p.x2 as number),
  },
  {
    name: 'hartmann6',
    optimum: HARTMANN6_MIN,
    parameters: Object.fromEntries(
      Array.from({ length: 6 }, (_, i) => [`x${i}`, { distribution: 'uniform', min: 0, max: 1 }]),
    ),
    f: (p) => hartmann6(Array.from({ length: 6 }, (_, i) => p[`x${i}`] as number)),
  },
];

function bestAfter(problem: Problem, method: 'random' | 'bayes', seed: number): number {
  const sweep = parseSweep({
    method,
    metric: { name: 'y', goal: 'minimize' },
    sweep_max_count: TRIALS,
    seed,
    parameters: problem.parameters,
  });
  const sampler = createSampler(sweep);
  const observations: Observation[] = [];
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < TRIALS; i++) {
    const params = sampler.suggest(i, observations);
    const y = problem.f(params);
    best = Math.min(best, y);
    observations.push({ index: i, params, loss: y, state: 'finished' });
  }
  return best;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return (s[Math.floor((s.length - 1) / 2)]! + s[Math.ceil((s.length - 1) / 2)]!) / 2;
};
const round = (x: number) => Number(x.toFixed(4));

const results: Record<string, unknown> = {};
for (const problem of problems) {
  const row: Record<string, unknown> = { optimum: problem.optimum };
  for (const method of ['random', 'bayes'] as const) {
    const started = performance.now();
    const bests = Array.from({ length: SEEDS }, (_, seed) => bestAfter(problem, method, seed));
    const ms = performance.now() - started;
    row[method === 'bayes' ? 'tpe' : 'random'] = {
      median_best: round(median(bests)),
      median_gap: round(median(bests) - problem.optimum),
      worst_best: round(Math.max(...bests)),
      ms_per_suggest: Number((ms / (SEEDS * TRIALS)).toFixed(3)),
    };
  }
  results[problem.name] = row;
}

const dir = mkdtempSync(join(tmpdir(), 'hpo-bench-'));
const emptyJobs = { probe_job_configs: [], refine_recipe_job_configs: [], evaluation_job_configs: [] };
const config: SandboxConfig = {
  ...GLOBAL_DEFAULTS,
  work_dir: dir,
  raw: {},
  pipelines: [
    {
      name: 'anonymous',
      configPath: 'pipelines[0]',
      jobs: {
        ...emptyJobs,
        execution_job_configs: [
          {
            hook: 'ProcessDataHook',
            meta_name: 'process',
            input: {},
            output: null,
            local: {},
            dj_configs: { process: [{ branin: { x1: 0, x2: 0 } }] },
            extra_configs: null,
            configPath: 'pipelines[0].execution_job_configs[0]',
          },
        ],
      },
    },
  ],
};
const started = performance.now();
const search = await runSearch({
  config,
  cwd: dir,
  sweep: {
    method: 'bayes',
    metric: { name: 'y' },
    sweep_max_count: TRIALS,
    seed: 0,
    parameters: { 'branin.x1': problems[0]!.parameters.x1, 'branin.x2': problems[0]!.parameters.x2 },
  },
  runTrial: async (trial) => ({
    metrics: { y: branin(trial.params['branin.x1'] as number, trial.params['branin.x2'] as number) },
    status: 'finished',
  }),
});
const searchMs = performance.now() - started;
rmSync(dir, { recursive: true, force: true });

process.stdout.write(
  `${JSON.stringify({ trials: TRIALS, seeds: SEEDS, statistic: 'median over seeds of the best value found', ...results, run_search_50_trials: { ms: Math.round(searchMs), best: round(search.best?.value ?? Number.NaN) }, node: process.version })}\n`,
);
