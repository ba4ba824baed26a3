import { resolve } from 'node:path';
import {
  configError,
  createLogger,
  FileTracker,
  type LogSink,
  lockWorkDir,
  prepareWorkDir,
  type RunEvent,
  redactUrlCredentials,
  runSandbox,
} from '@dj-sandbox/core';
import pc from 'picocolors';
import { jsonLinesSink, terminalSink } from '../output/log-sinks.ts';
import { progressFor } from '../output/progress.ts';
import { EXIT } from '../output/render-error.ts';
import { RunRecorder } from '../output/run-record.ts';
import { renderSummary, summaryRows } from '../output/summary.ts';
import { type ConfigOptions, type Prepared, prepare } from './prepare.ts';
import { writeRunReport } from './report.ts';

function describeEvent(event: RunEvent): string | undefined {
  switch (event.type) {
    case 'job-start':
      return `${pc.cyan('▶')} [iter ${event.iteration}] ${event.pipeline} › ${event.metaName ?? '(no meta_name)'} ${pc.dim(`(${event.hook})`)}`;
    case 'job-end':
      return `${pc.green('✔')} [iter ${event.iteration}] ${event.pipeline} › ${event.metaName ?? '(no meta_name)'} ${pc.dim(`${(event.durationMs / 1000).toFixed(2)}s`)}`;
    case 'job-skip':
      return `${pc.dim('↷')} [iter ${event.iteration}] ${event.pipeline} › ${event.metaName ?? '(no meta_name)'} ${pc.dim('finished before; skipped')}`;
    case 'job-fail':
      return `${pc.red('✖')} [iter ${event.iteration}] ${event.pipeline} › ${event.metaName ?? '(no meta_name)'} failed`;
    case 'targets':
      return `${event.met ? pc.green('◎') : pc.yellow('◎')} targets after iter ${event.iteration}: ${event.details.map((d) => `${d.target} → ${JSON.stringify(d.value)}${d.met ? ' ✔' : ''}`).join('; ')}`;
    default:
      return undefined;
  }
}

/** Options of `dj-sandbox run`. */
export interface RunOptions extends ConfigOptions {
  /** Discard the records of an earlier run in the work dir and start over. */
  fresh?: boolean;
}

/**
 * `dj-sandbox run`: runs a sandbox config end to end, holding the work dir's lock; a work dir that holds an earlier
 * run is resumed (`--resume`), cleared (`--fresh`) or refused, never mixed.
 */
export async function runCommand(options: RunOptions, cwd: string = process.cwd()): Promise<number> {
  const prepared = await prepare(options, cwd);
  const { config } = prepared;
  const workDir = resolve(cwd, config.work_dir);
  if (options.fresh && config.resume)
    throw configError('usage-fresh-resume', '--fresh and --resume contradict each other.', {
      path: '--fresh',
      fix: 'Use --resume to continue the earlier run, or --fresh to discard it.',
    });
  const lock = lockWorkDir(workDir);
  try {
    if (config.hpo_config === null || config.hpo_config === undefined)
      prepareWorkDir(workDir, config.resume ? 'resume' : options.fresh ? 'fresh' : 'refuse');
    return await runLocked(prepared, options, cwd, workDir);
  } finally {
    lock.release();
  }
}

async function runLocked(prepared: Prepared, options: RunOptions, cwd: string, workDir: string): Promise<number> {
  const { config, registry } = prepared;
  const file = jsonLinesSink(workDir, `sandbox_log_${config.project_name}_${config.experiment_name}`);
  const sinks: LogSink[] = [file.sink, ...(config.debug ? [terminalSink()] : [])];
  const logger = createLogger(sinks, config.debug ? 'debug' : 'info');
  const out = (line: string) => process.stderr.write(`${redactUrlCredentials(line)}\n`);
  for (const warning of prepared.warnings) out(`${pc.yellow('!')} ${warning.message}`);
  if (prepared.automatic.length) out(pc.dim(`plugins loaded automatically: ${prepared.automatic.join(', ')}`));
  out(pc.dim(`work_dir: ${workDir}  log: ${file.file}`));

  const controller = new AbortController();
  const onSigint = () => controller.abort(new Error('interrupted (SIGINT)'));
  process.once('SIGINT', onSigint);
  const started = performance.now();
  if (config.hpo_config !== null && config.hpo_config !== undefined) {
    const { searchCommand } = await import('./search.ts');
    try {
      return await searchCommand(
        prepared,
        {
          ...(options.parallel ? { parallel: Number(options.parallel) } : {}),
          resume: config.resume,
          logger,
          progress: progressFor(),
          signal: controller.signal,
          out,
        },
        cwd,
      );
    } finally {
      process.off('SIGINT', onSigint);
    }
  }
  const tracker = new FileTracker(workDir, { restore: config.resume });
  const recorder = new RunRecorder(workDir, config, registry.plugins);
  try {
    const result = await runSandbox({
      config,
      registry,
      cwd,
      logger,
      tracker,
      progress: progressFor(),
      signal: controller.signal,
      onEvent: (event) => {
        recorder.event(event);
        const line = describeEvent(event);
        if (line) out(line);
      },
    });
    recorder.end('finished', { stopReason: result.stopReason });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    out(
      `${pc.green('Done')} in ${seconds}s: ${result.contexts.length} iteration${result.contexts.length === 1 ? '' : 's'}, ${result.jobsRun} job${result.jobsRun === 1 ? '' : 's'} run, stopped by ${result.stopReason}.`,
    );
    const last = result.contexts[result.contexts.length - 1];
    const summary = last ? renderSummary(summaryRows(tracker.history(), last.iter), last.iter) : '';
    if (summary) out(summary);
    out(`context: ${result.contextFile}`);
    await writeRunReport(workDir, out);
    return EXIT.ok;
  } catch (error) {
    recorder.end('failed', { error: error instanceof Error ? error.message : String(error) });
    await writeRunReport(workDir, out);
    throw error;
  } finally {
    process.off('SIGINT', onSigint);
  }
}
