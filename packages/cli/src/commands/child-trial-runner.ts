import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JOB_GROUPS, type LoadedPlugin, type SandboxConfig, type TrackedMetric } from '@dj-sandbox/core';
import { lastNumericValues, numericLeaves, type RunTrial } from '@dj-sandbox/hpo';
import { resolve as resolveModule } from 'import-meta-resolve';
import { stringify } from 'yaml';

/** The global keys a trial's config carries over (hpo_config and resume are the search's, not the trial's). */
const GLOBALS_CARRIED = [
  'project_name',
  'experiment_name',
  'work_dir',
  'max_iter_num',
  'iter_targets',
  'iter_targets_mode',
  'iter_updater',
  'max_iter_cap',
] as const satisfies ReadonlyArray<keyof SandboxConfig>;

/** The trial's config as a file a child `dj-sandbox run` can read: the searched values in, plugins by their URL. */
export function trialConfigText(config: SandboxConfig, plugins: readonly LoadedPlugin[]): string {
  const pipelines = config.pipelines.map((p) => ({
    [p.name]: Object.fromEntries(
      JOB_GROUPS.map((group) => [
        group,
        p.jobs[group].map((job) => ({
          hook: job.hook,
          meta_name: job.meta_name,
          input: job.input,
          output: job.output,
          local: job.local,
          dj_configs: job.dj_configs,
          extra_configs: job.extra_configs,
        })),
      ]),
    ),
  }));
  const globals = Object.fromEntries(GLOBALS_CARRIED.map((key) => [key, config[key]]));
  return stringify({
    ...globals,
    // Each plugin by the module it was loaded from, so the child needs no resolution from the trial folder.
    plugins: plugins.map((p) => p.source ?? `@dj-sandbox/${p.id}`),
    pipelines,
  });
}

function readMetrics(file: string, from: number): { metrics: TrackedMetric[]; next: number } {
  if (!existsSync(file)) return { metrics: [], next: from };
  const text = readFileSync(file, 'utf8');
  const end = text.lastIndexOf('\n') + 1;
  const metrics = text
    .slice(from, end)
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as TrackedMetric);
  return { metrics, next: Math.max(from, end) };
}

/**
 * Runs each trial as a child `dj-sandbox run` in the original working directory (relative paths keep their
 * meaning), with the trial config written to `trial_<n>/trial-config.yaml` and its output to `trial_<n>/trial.log`.
 * Intermediate values reach hyperband by following the child's `tracker/metrics.jsonl`; aborting kills the child.
 */
export function childProcessTrialRunner(options: { cwd: string; plugins: readonly LoadedPlugin[] }): RunTrial {
  const bin = fileURLToPath(new URL(`../bin.${import.meta.url.endsWith('.ts') ? 'ts' : 'js'}`, import.meta.url));
  // From sources (tests), the child loads TypeScript through tsx, resolved here rather than from the child's cwd.
  const execArgv = bin.endsWith('.ts')
    ? ['--conditions=source', '--import', resolveModule('tsx', import.meta.url)]
    : [];
  return (trial, signal) =>
    new Promise((resolve) => {
      mkdirSync(trial.workDir, { recursive: true });
      const configFile = join(trial.workDir, 'trial-config.yaml');
      writeFileSync(configFile, trialConfigText(trial.config, options.plugins));
      const log = createWriteStream(join(trial.workDir, 'trial.log'));
      const child = spawn(process.execPath, [...execArgv, bin, 'run', '--config', configFile], {
        cwd: options.cwd,
        env: { ...process.env, CI: 'true' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stdout.pipe(log, { end: false });
      child.stderr.on('data', (d: Buffer) => {
        stderr = (stderr + d.toString()).slice(-4000);
        log.write(d);
      });
      const metricsFile = join(trial.workDir, 'tracker', 'metrics.jsonl');
      let offset = 0;
      const follow = () => {
        const read = readMetrics(metricsFile, offset);
        offset = read.next;
        for (const m of read.metrics) {
          const leaves = Object.fromEntries(numericLeaves(m.key, m.value));
          if (Object.keys(leaves).length > 0) trial.report(leaves, m.step ?? m.iteration);
        }
      };
      const timer = setInterval(follow, 500);
      const onAbort = () => child.kill('SIGTERM');
      signal.addEventListener('abort', onAbort, { once: true });
      child.on('close', (code) => {
        clearInterval(timer);
        signal.removeEventListener('abort', onAbort);
        follow();
        log.end();
        const metrics = lastNumericValues(readMetrics(metricsFile, 0).metrics);
        resolve(
          code === 0
            ? { metrics, status: 'finished' }
            : {
                metrics,
                status: 'failed',
                error: stderr.trim().split('\n').slice(-3).join(' ') || `exit code ${code}`,
              },
        );
      });
    });
}
