import { join, resolve } from 'node:path';
import { redactSecrets } from '../config/redact-secrets.ts';
import { CONTEXT_FILE_NAME, readContextFile, writeContextFile } from '../context/context-file.ts';
import { ContextInfos } from '../context/context-infos.ts';
import { RunContainer } from '../di/run-container.ts';
import { isDjSandboxError } from '../errors/dj-sandbox-error.ts';
import { ConfigProblems, configError, jobError } from '../errors/errors.ts';
import { type Logger, silentLogger } from '../logging/logger.ts';
import { type Progress, silentProgress } from '../logging/progress.ts';
import type { PluginRegistry } from '../plugin/plugin-registry.ts';
import { loggerRef, progressRef, runInfoRef, trackerRef } from '../refs/core-refs.ts';
import { FanOutTracker, trackersPoint } from '../tracker/fan-out-tracker.ts';
import { FileTracker } from '../tracker/file-tracker.ts';
import type { Tracker } from '../tracker/tracker.ts';
import { GROUP_LABELS, type PipelineConfig, type SandboxConfig } from '../types/sandbox-config.ts';
import { checkConfig, pipelineJobs } from './check-config.ts';
import { collectUpdates, type IterUpdate, parseIterUpdate } from './iter-updater.ts';
import { createJobState, type JobState, runJob } from './job-runner.ts';
import { runPreflights } from './preflight.ts';
import type { RunEvent, RunServices } from './run-services.ts';
import { checkTarget, type IterTarget, parseTarget } from './targets.ts';

/** Options of a sandbox run. */
export interface RunSandboxOptions {
  config: SandboxConfig;
  registry: PluginRegistry;
  /** Overrides `config.resume`. */
  resume?: boolean;
  /** Directory relative paths resolve against (default: the process working directory). */
  cwd?: string;
  logger?: Logger;
  progress?: Progress;
  /** Default: a {@link FileTracker} under `work_dir`, restored on resume. */
  tracker?: Tracker;
  signal?: AbortSignal;
  onEvent?: (event: RunEvent) => void;
}

/** What a finished run returns. */
export interface RunResult {
  contexts: ContextInfos[];
  /** Why the loop stopped: `max_iter_num`, `targets`, `cap` or `already-finished`. */
  stopReason: string;
  workDir: string;
  contextFile: string;
  /** Jobs run by this invocation (resumed jobs that were already finished are not counted). */
  jobsRun: number;
}

type PipelineStates = Map<string, JobState[]>;

function freshStates(
  pipelines: readonly PipelineConfig[],
  updates?: Map<string, Record<string, unknown>>,
): PipelineStates {
  const states: PipelineStates = new Map();
  for (const pipeline of pipelines) {
    states.set(
      pipeline.name,
      pipelineJobs(pipeline).map(({ job }) => {
        const state = createJobState(job);
        state.updaterLocal = updates?.get(`${pipeline.name}\u0000${job.meta_name}`) ?? {};
        return state;
      }),
    );
  }
  return states;
}

function isComplete(ctx: ContextInfos, pipelines: readonly PipelineConfig[]): boolean {
  return pipelines.every((p) => ctx.pipeline(p.name)?.jobs.length === pipelineJobs(p).length);
}

/** Decides whether the loop stops after `ctx`, emitting the target check. */
function stopAfter(
  ctx: ContextInfos,
  config: SandboxConfig,
  targets: readonly IterTarget[],
  logger: Logger,
  emit: (e: RunEvent) => void,
): string | undefined {
  if (config.max_iter_num > 0 && ctx.iter >= config.max_iter_num) return 'max_iter_num';
  if (targets.length > 0) {
    const checks = targets.map((t) => checkTarget(t, ctx));
    for (const c of checks.filter((c) => c.problem))
      logger.warn(`Invalid iter_targets [${c.target.text}]: ${c.problem}.`);
    const met = config.iter_targets_mode === 'all' ? checks.every((c) => c.met) : checks.some((c) => c.met);
    emit({
      type: 'targets',
      iteration: ctx.iter,
      met,
      details: checks.map((c) => ({
        target: c.target.text,
        met: c.met,
        value: c.value,
        ...(c.problem ? { problem: c.problem } : {}),
      })),
    });
    if (met) {
      logger.info(
        config.iter_targets_mode === 'all'
          ? 'All targets are satisfied.'
          : `Targets ${JSON.stringify(checks.filter((c) => c.met).map((c) => c.target.text))} are satisfied.`,
      );
      return 'targets';
    }
  }
  if (config.max_iter_num === 0 && ctx.iter >= config.max_iter_cap) {
    logger.warn(`Stopping after ${ctx.iter} iterations: max_iter_cap reached before the targets were met.`);
    return 'cap';
  }
  return undefined;
}

/**
 * Runs a sandbox config: iterations of pipelines of jobs (docs/config.md#the-run), with `context_infos.json` written
 * atomically after every job. With `resume`, it continues from the first unfinished job, matching pipelines by
 * name, and never reruns a finished job.
 */
export async function runSandbox(options: RunSandboxOptions): Promise<RunResult> {
  const { config, registry } = options;
  const cwd = options.cwd ?? process.cwd();
  const logger = options.logger ?? silentLogger;
  const emit = options.onEvent ?? (() => {});
  if (config.hpo_config !== null && config.hpo_config !== undefined) {
    throw configError('hpo-needs-search', 'a config with hpo_config is a recipe search, not a single run.', {
      path: 'hpo_config',
      fix: "Run it with `dj-sandbox run` (which runs the search), or call @dj-sandbox/hpo's runSearch.",
    });
  }
  const check = checkConfig(config, registry, cwd);
  for (const warning of check.warnings) logger.warn(warning.message, { code: warning.code });
  if (check.errors.length > 0) throw new ConfigProblems(check.errors);
  await runPreflights(config, registry, { cwd, logger, signal: options.signal ?? new AbortController().signal });

  const workDir = resolve(cwd, config.work_dir);
  const contextFile = join(workDir, CONTEXT_FILE_NAME);
  const resume = options.resume ?? config.resume;
  const primaryTracker = options.tracker ?? new FileTracker(workDir, { restore: resume });
  const signal = options.signal ?? new AbortController().signal;
  const progress = options.progress ?? silentProgress;
  const targets = config.iter_targets.map((t, i) => parseTarget(t, `iter_targets[${i}]`) as IterTarget);
  const updates = Object.entries(config.iter_updater).map(
    ([f, t]) => parseIterUpdate(f, t, 'iter_updater') as IterUpdate,
  );

  const container = new RunContainer(
    [
      [loggerRef, logger],
      [trackerRef, primaryTracker],
      [progressRef, progress],
      [runInfoRef, { workDir, cwd, projectName: config.project_name, experimentName: config.experiment_name, signal }],
    ],
    registry.services.values(),
  );
  let extraTrackers: Tracker[];
  try {
    extraTrackers = registry.extensions(trackersPoint).map((ref) => container.resolve(ref));
  } catch (error) {
    await container.dispose();
    throw error;
  }
  const tracker = extraTrackers.length > 0 ? new FanOutTracker(primaryTracker, extraTrackers, logger) : primaryTracker;
  tracker.watchConfig(redactSecrets(config.raw), 'sandbox');
  const services: RunServices = { registry, container, tracker, logger, progress, signal, workDir, cwd, onEvent: emit };
  const contexts: ContextInfos[] = [];
  let jobsRun = 0;
  const updaterFrom = (ctx: ContextInfos | undefined) =>
    ctx && updates.length > 0
      ? collectUpdates(updates, ctx, (from) =>
          logger.warn(`The iter_updater [${from}] is not found in the last context infos.`),
        )
      : undefined;

  try {
    let iteration = 1;
    let partial: ContextInfos | undefined;
    let states = freshStates(config.pipelines);
    const saved = resume ? readContextFile(contextFile) : undefined;
    if (saved && saved.length > 0) {
      const last = saved[saved.length - 1]!;
      if (isComplete(last, config.pipelines)) {
        contexts.push(...saved);
        logger.info(`Continue after the finished iter ${last.iter}.`);
        const reason = stopAfter(last, config, targets, logger, emit);
        if (reason) {
          emit({ type: 'run-end', iterations: last.iter, reason: 'already-finished' });
          return { contexts, stopReason: 'already-finished', workDir, contextFile, jobsRun };
        }
        iteration = last.iter + 1;
        states = freshStates(config.pipelines, updaterFrom(last));
      } else {
        contexts.push(...saved.slice(0, -1));
        partial = last;
        iteration = last.iter;
        logger.info(`Continue the unfinished iter ${last.iter}.`);
        states = freshStates(config.pipelines, updaterFrom(contexts[contexts.length - 1]));
      }
    } else if (resume) {
      logger.info('No saved context infos to resume from. Start from the first iter.');
    }

    for (; ; iteration++) {
      logger.info(`============== Starting the iter ${iteration} ==============`);
      emit({ type: 'iteration-start', iteration });
      const ctx = partial ?? new ContextInfos(iteration);
      partial = undefined;
      contexts.push(ctx);
      for (const pipeline of config.pipelines) {
        const record = ctx.pipeline(pipeline.name) ?? ctx.startPipeline(pipeline.name);
        const jobs = pipelineJobs(pipeline);
        const pipelineStates = states.get(pipeline.name)!;
        for (let i = 0; i < jobs.length; i++) {
          const { group, job } = jobs[i]!;
          const event = { iteration, pipeline: pipeline.name, hook: job.hook, metaName: job.meta_name };
          if (i < record.jobs.length) {
            if (record.jobs[i]!.metaName !== job.meta_name) {
              throw configError(
                'resume-mismatch',
                `cannot resume: job ${i + 1} of pipeline ${pipeline.name} changed since the saved run.`,
                {
                  path: job.configPath,
                  expected: `meta_name ${JSON.stringify(record.jobs[i]!.metaName)} as saved in ${contextFile}`,
                  received: job.meta_name,
                  fix: 'Restore the config, or run without --resume to start over.',
                },
              );
            }
            emit({ type: 'job-skip', ...event });
            continue;
          }
          if (signal.aborted) {
            throw jobError(
              'run-aborted',
              `the run was stopped before job ${JSON.stringify(job.meta_name)}.`,
              {
                job: job.meta_name ?? undefined,
                pipeline: pipeline.name,
                fix: 'Run again with --resume to continue from this job.',
              },
              signal.reason,
            );
          }
          logger.info(
            `======= Iter [${iteration}] - Pipeline [${pipeline.name}]: Start ${GROUP_LABELS[group]} Hook [${job.meta_name}] =======`,
          );
          emit({ type: 'job-start', ...event, group });
          const started = performance.now();
          try {
            const infos = await runJob({ state: pipelineStates[i]!, group, pipeline: pipeline.name, ctx, services });
            record.jobs.push(infos);
            jobsRun++;
            writeContextFile(contextFile, contexts);
            const durationMs = performance.now() - started;
            logger.info(`Finished job [${job.meta_name}] in ${(durationMs / 1000).toFixed(2)}s`, { durationMs });
            emit({
              type: 'job-end',
              ...event,
              durationMs,
              outputs: Object.fromEntries(infos.outputKeys.map((k, n) => [k, infos.outputs[n]])),
            });
          } catch (error) {
            if (isDjSandboxError(error)) emit({ type: 'job-fail', ...event, error });
            throw error;
          }
        }
        if (jobs.length === 0) writeContextFile(contextFile, contexts);
      }
      const reason = stopAfter(ctx, config, targets, logger, emit);
      if (reason) {
        emit({ type: 'run-end', iterations: iteration, reason });
        return { contexts, stopReason: reason, workDir, contextFile, jobsRun };
      }
      if (updates.length > 0) states = freshStates(config.pipelines, updaterFrom(ctx));
    }
  } finally {
    await container.dispose();
    await tracker.close();
  }
}
