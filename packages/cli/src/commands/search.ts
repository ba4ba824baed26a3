import { resolve } from 'node:path';
import type { Logger, Progress } from '@dj-sandbox/core';
import { inProcessTrialRunner, runSearch } from '@dj-sandbox/hpo';
import pc from 'picocolors';
import { EXIT } from '../output/render-error.ts';
import { childProcessTrialRunner } from './child-trial-runner.ts';
import type { Prepared } from './prepare.ts';
import { writeRunReport } from './report.ts';

/** Options of a recipe search started by `dj-sandbox run` on a config with `hpo_config`. */
export interface SearchOptions {
  parallel?: number;
  resume: boolean;
  logger: Logger;
  progress: Progress;
  signal: AbortSignal;
  out: (line: string) => void;
}

function formatParams(params: Record<string, unknown>): string {
  return Object.entries(params)
    .map(([k, v]) => `${k}=${typeof v === 'number' ? Number(v.toPrecision(4)) : JSON.stringify(v)}`)
    .join(' ');
}

/**
 * Runs the config's `hpo_config` search: every trial is the whole config with the trial's parameters, in
 * `<work_dir>/trial_<n>/`, run in this process (`--parallel N` runs N at once); the study is kept in
 * `<work_dir>/study/` so `--resume` continues a killed search.
 */
export async function searchCommand(prepared: Prepared, options: SearchOptions, cwd: string): Promise<number> {
  const { config, registry } = prepared;
  const workDir = resolve(cwd, config.work_dir);
  const result = await runSearch({
    config,
    sweep: config.hpo_config as string | Record<string, unknown>,
    // One trial at a time runs in this process; several run as child processes, one core each.
    runTrial:
      (options.parallel ?? 1) > 1
        ? childProcessTrialRunner({ cwd, plugins: registry.plugins })
        : inProcessTrialRunner({ registry, cwd, logger: options.logger }),
    workDir,
    cwd,
    parallel: options.parallel ?? 1,
    resume: options.resume,
    logger: options.logger,
    progress: options.progress,
    signal: options.signal,
  });
  const out = options.out;
  out(pc.bold(`Search finished (${result.stopReason}): ${result.trials.length} trials, study in ${result.studyDir}`));
  for (const t of [...result.trials].sort((a, b) => a.index - b.index)) {
    const value = t.value === null ? '-' : Number(t.value.toPrecision(5)).toString();
    const mark = result.best?.index === t.index ? pc.green(' ← best') : '';
    out(
      `  trial ${String(t.index).padStart(3)}  ${t.state.padEnd(8)}  ${value.padStart(10)}  ${pc.dim(formatParams(t.params))}${mark}`,
    );
  }
  if (!result.best) {
    out(pc.red('No trial finished with a value of the objective.'));
    return EXIT.jobFailed;
  }
  out(`best: trial ${result.best.index}, ${formatParams(result.best.params)} → ${result.best.value}`);
  await writeRunReport(workDir, out);
  return EXIT.ok;
}
