import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { didYouMean, isDjSandboxError, silentLogger, silentProgress } from '@dj-sandbox/core';
import { hyperbandStops } from '../early-stop/hyperband.ts';
import { createSampler } from '../samplers/create-sampler.ts';
import type { Observation, TrialParams } from '../samplers/sampler.ts';
import { StudyStore } from '../study/study-store.ts';
import type { TrialRecord } from '../study/trial-record.ts';
import { loadSweep, parseSweep } from '../sweep/parse-sweep.ts';
import type { Sweep } from '../sweep/sweep-types.ts';
import { metricKeys, metricValue } from './metric-key.ts';
import type { RunSearchOptions, SearchResult, SearchStopReason, TrialOutcome } from './search-types.ts';
import { trialConfig } from './trial-config.ts';

function isParsedSweep(value: unknown): value is Sweep {
  return typeof value === 'object' && value !== null && Array.isArray((value as Sweep).parameters) && 'tpe' in value;
}

interface Running {
  controller: AbortController;
  history: number[];
  stop?: { band: number; threshold: number };
  done: Promise<void>;
}

/**
 * Searches recipes: proposes trials with the sweep's sampler, runs them through `runTrial` (`parallel` at once),
 * stops weak ones with hyperband, and keeps the study in `<workDir>/study/` so that `resume` continues a killed
 * search (finished trials are kept and fed to the sampler; trials that were running run again). Stops when the
 * trial count is used up, the grid is done, `metric.target` is reached (running trials still finish, as in W&B) or
 * `signal` aborts (running trials are aborted and stay unfinished, for a later resume).
 */
export async function runSearch(options: RunSearchOptions): Promise<SearchResult> {
  const cwd = options.cwd ?? process.cwd();
  const logger = options.logger ?? silentLogger;
  const sweep = isParsedSweep(options.sweep)
    ? options.sweep
    : typeof options.sweep === 'string'
      ? loadSweep(options.sweep, cwd)
      : parseSweep(options.sweep);
  const sampler = createSampler(sweep);
  const workDir = resolve(cwd, options.workDir ?? options.config.work_dir);
  const parallel = Math.max(1, options.parallel ?? 1);
  const { metric } = sweep;
  const keys = metricKeys(options.config, metric.name);
  const sign = metric.goal === 'maximize' ? -1 : 1;
  const requested = options.maxTrials ?? sweep.maxTrials;
  const limit = Math.min(requested ?? Number.POSITIVE_INFINITY, sampler.size ?? Number.POSITIVE_INFINITY);

  const store = new StudyStore(workDir);
  const storedSweep = { ...sweep.raw, seed: sweep.seed };
  const records = new Map<number, TrialRecord>();
  if (options.resume && store.exists()) {
    for (const r of store.reopen(storedSweep)) records.set(r.index, r);
    logger.info(`Resuming the study in ${store.dir}: ${records.size} trials recorded.`);
  } else {
    if (store.exists()) logger.warn(`Starting over: the study in ${store.dir} is replaced (resume is off).`);
    store.start(storedSweep);
  }
  const rerun = [...records.values()].filter((r) => r.state === 'running').map((r) => r.index);
  let nextIndex = 0;
  for (const index of records.keys()) if (index >= nextIndex) nextIndex = index + 1;
  const running = new Map<number, Running>();
  const progress = (options.progress ?? silentProgress).start(
    'trials',
    Number.isFinite(limit) ? limit : undefined,
    'trials',
  );
  progress.tick([...records.values()].filter((r) => r.state !== 'running').length);
  let stopReason: SearchStopReason | undefined;

  const best = (): TrialRecord | undefined => {
    let out: TrialRecord | undefined;
    for (const r of records.values()) {
      if (r.state !== 'finished' || r.value === null) continue;
      if (!out || sign * r.value < sign * out.value!) out = r;
    }
    return out;
  };
  const summarize = () => {
    const counts: Record<string, number> = { running: 0, finished: 0, failed: 0, stopped: 0 };
    for (const r of records.values()) counts[r.state] = (counts[r.state] ?? 0) + 1;
    const b = best();
    store.summarize({
      method: sweep.method,
      metric,
      counts,
      best: b ? { index: b.index, value: b.value, params: b.params, workDir: b.workDir } : null,
      stopReason: stopReason ?? null,
      updatedAt: new Date().toISOString(),
    });
  };
  const save = (record: TrialRecord) => {
    records.set(record.index, record);
    store.append(record);
    summarize();
  };
  // Running trials go to the sampler too: TPE treats them as bad (the constant liar) so parallel workers spread out.
  const observations = (): Observation[] =>
    [...records.values()]
      .filter((r) => r.state === 'finished' || r.state === 'stopped' || r.state === 'running')
      .map((r) => ({
        index: r.index,
        params: r.params,
        loss: r.state === 'running' || r.value === null ? null : sign * r.value,
        state: r.state as Observation['state'],
      }));
  const targetMet = (value: number) =>
    metric.target !== undefined && (metric.goal === 'maximize' ? value >= metric.target : value <= metric.target);

  const checkHyperband = () => {
    const et = sweep.early_terminate;
    if (!et) return;
    const histories = [...records.values()]
      .filter((r) => !running.has(r.index))
      .map((r) => ({ index: r.index, running: false, history: r.history }));
    for (const [index, run] of running) histories.push({ index, running: !run.stop, history: run.history });
    for (const stop of hyperbandStops(histories, et, metric.goal)) {
      const run = running.get(stop.index)!;
      run.stop = { band: stop.band, threshold: stop.threshold };
      logger.info(
        `Hyperband stops trial ${stop.index} at band ${stop.band}: ${metric.name} ${stop.value} is worse than ${stop.threshold}.`,
      );
      run.controller.abort(new Error(`stopped by hyperband at band ${stop.band}`));
    }
  };

  const finish = (index: number, params: TrialParams, trialDir: string, run: Running, outcome: TrialOutcome) => {
    running.delete(index);
    if (options.signal?.aborted && !run.stop) return; // interrupted: stays "running" in the study, for resume
    const metrics = outcome.metrics;
    const reported = metricValue(metrics, keys);
    let value = typeof reported === 'number' && Number.isFinite(reported) ? reported : null;
    if (value === null && run.history.length > 0) value = run.history[run.history.length - 1]!;
    const state = run.stop ? 'stopped' : outcome.status === 'failed' ? 'failed' : 'finished';
    if (state === 'finished' && value === null) {
      logger.warn(
        `Trial ${index} finished without a value for ${metric.name}; it is not used to guide the search. Tracked keys: ${Object.keys(metrics).join(', ') || 'none'}.${didYouMean(metric.name, Object.keys(metrics))}`,
      );
    }
    const record: TrialRecord = {
      index,
      state,
      params,
      workDir: trialDir,
      value,
      metrics,
      history: run.history,
      ...(outcome.error && state === 'failed' ? { error: outcome.error } : {}),
      ...(run.stop ? { stoppedAt: run.stop } : {}),
      time: new Date().toISOString(),
    };
    save(record);
    progress.tick();
    logger.info(`Trial ${index} ${state}${value !== null ? `: ${metric.name} = ${value}` : ''}.`, { trial: index });
    if (state === 'finished' && value !== null && targetMet(value) && !stopReason) {
      stopReason = 'target';
      logger.info(
        `Trial ${index} reached the target ${metric.name} ${metric.goal === 'maximize' ? '>=' : '<='} ${metric.target}.`,
      );
    }
  };

  const launch = (index: number, params: TrialParams) => {
    const trialDir = join(workDir, `trial_${index}`);
    // Applying first: a key that addresses nothing fails the search before any trial is recorded.
    const config = trialConfig(options.config, params, trialDir, cwd);
    rmSync(trialDir, { recursive: true, force: true });
    save({
      index,
      state: 'running',
      params,
      workDir: trialDir,
      value: null,
      metrics: {},
      history: [],
      time: new Date().toISOString(),
    });
    const controller = new AbortController();
    const run: Running = { controller, history: [], done: Promise.resolve() };
    running.set(index, run);
    const report = (values: Record<string, number>) => {
      const v = metricValue(values, keys);
      if (typeof v !== 'number' || !Number.isFinite(v) || run.stop || !running.has(index)) return;
      run.history.push(v);
      checkHyperband();
    };
    logger.info(`Trial ${index} starts: ${JSON.stringify(params)}`, { trial: index });
    run.done = (async () => {
      let outcome: TrialOutcome;
      try {
        outcome = await options.runTrial({ index, params, config, workDir: trialDir, report }, controller.signal);
      } catch (error) {
        if (isDjSandboxError(error) && error.category === 'config' && !controller.signal.aborted) {
          logger.error(`Trial ${index} has a config problem: ${error.message}`);
        }
        outcome = { metrics: {}, status: 'failed', error: error instanceof Error ? error.message : String(error) };
      }
      finish(index, params, trialDir, run, outcome);
    })();
  };

  const onAbort = () => {
    stopReason ??= 'aborted';
    for (const run of running.values()) run.controller.abort(options.signal?.reason);
  };
  options.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    if (options.signal?.aborted) onAbort();
    for (;;) {
      while (running.size < parallel && !stopReason) {
        const again = rerun.shift();
        if (again !== undefined) {
          launch(again, records.get(again)!.params);
          continue;
        }
        if (nextIndex >= limit) break;
        const index = nextIndex++;
        launch(index, sampler.suggest(index, observations()));
      }
      if (running.size === 0) break;
      await Promise.race([...running.values()].map((r) => r.done));
    }
    stopReason ??= sampler.size !== undefined && nextIndex >= sampler.size ? 'grid-done' : 'max-trials';
    summarize();
    progress.done();
    const trials = [...records.values()].sort((a, b) => a.index - b.index);
    return { best: best(), trials, stopReason, studyDir: store.dir };
  } catch (error) {
    // Never leave trials running behind a failed search.
    for (const run of running.values()) run.controller.abort(error);
    await Promise.allSettled([...running.values()].map((r) => r.done));
    throw error;
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
  }
}
