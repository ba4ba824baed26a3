import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  flattenWatched,
  jobError,
  type Logger,
  MemoryTracker,
  silentLogger,
  type TrackedMetric,
  type Tracker,
  type TrackScope,
} from '@dj-sandbox/core';
import { MlflowClient, type MlflowKeyValue, type MlflowMetric, type MlflowRunInfo } from './mlflow-client.ts';
import { MLFLOW_LIMITS, metricValue, mlflowKey, paramValue } from './mlflow-keys.ts';

/** Everything a tracker needs: the plugin options with defaults, plus the run's facts. */
export interface MlflowTrackerSettings {
  trackingUri: string;
  experimentName: string;
  runName: string;
  artifactLocation?: string | undefined;
  tags: Record<string, string>;
  /** Work-dir files uploaded when the run ends. */
  artifacts: string[];
  /** The run's work dir; artifacts are read from it. */
  workDir: string | null;
  flushEvery: number;
  requestTimeoutMs: number;
}

/** How the MLflow run ends. */
export type MlflowRunStatus = 'FINISHED' | 'FAILED' | 'KILLED';

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * A tracker that logs to MLflow: numeric watched leaves become metrics (the step is the scope's `step`, else the
 * iteration), `watchConfig` values become params, and chosen work-dir files become artifacts when the run ends.
 * Queries are answered from a wrapped {@link MemoryTracker}, so later jobs never wait on the network.
 *
 * `watch` stays synchronous (the Tracker contract): requests are queued in order and sent in batches. A failed
 * request does not stop the sandbox run; it is logged, and `close()` rejects with it once everything else is done.
 */
export class MlflowTracker implements Tracker {
  readonly client: MlflowClient;
  private readonly memory = new MemoryTracker();
  private readonly run: Promise<MlflowRunInfo>;
  private queue: Promise<void> = Promise.resolve();
  private metrics: MlflowMetric[] = [];
  private params: MlflowKeyValue[] = [];
  private tags: MlflowKeyValue[] = [];
  private readonly logged = new Map<string, string>();
  private readonly failures = new Map<string, Error>();
  private status: MlflowRunStatus = 'FINISHED';
  private closing: Promise<void> | null = null;

  constructor(
    readonly settings: MlflowTrackerSettings,
    private readonly logger: Logger = silentLogger,
  ) {
    this.client = new MlflowClient(settings.trackingUri, settings.requestTimeoutMs);
    this.run = this.start();
    this.run.catch((error: Error) => this.fail(error));
  }

  private async start(): Promise<MlflowRunInfo> {
    const { experimentName, runName, artifactLocation, tags } = this.settings;
    const id =
      (await this.client.experimentId(experimentName)) ??
      (await this.client.createExperiment(experimentName, artifactLocation));
    const runTags = [
      { key: 'mlflow.source.name', value: 'dj-sandbox' },
      ...Object.entries(tags).map(([key, value]) => ({ key, value })),
    ];
    const info = await this.client.createRun(id, runName, runTags);
    this.logger.info(`MLflow run ${info.run_id} in experiment ${experimentName}`, { mlflowRun: this.runUrlOf(info) });
    return info;
  }

  private runUrlOf(info: MlflowRunInfo): string {
    return `${this.client.base}/#/experiments/${info.experiment_id}/runs/${info.run_id}`;
  }

  private fail(error: Error): void {
    if (this.failures.has(error.message)) return;
    this.failures.set(error.message, error);
    this.logger.error(`MLflow: ${error.message}`);
  }

  private enqueue(task: (run: MlflowRunInfo) => Promise<void>): Promise<void> {
    this.queue = this.queue.then(async () => task(await this.run)).catch((error: Error) => this.fail(error));
    return this.queue;
  }

  /** The MLflow run (created on the first request); rejects when it cannot be created. */
  runInfo(): Promise<MlflowRunInfo> {
    return this.run;
  }

  /** The run's page in the MLflow UI. */
  async runUrl(): Promise<string> {
    return this.runUrlOf(await this.run);
  }

  /** How the MLflow run ends when the tracker closes (`FINISHED` unless set otherwise). */
  setStatus(status: MlflowRunStatus): void {
    this.status = status;
  }

  watch(value: unknown, metaName: string, scope: TrackScope): void {
    this.memory.watch(value, metaName, scope);
    const timestamp = Date.now();
    const step = Math.round(scope.step ?? scope.iteration);
    for (const [key, leaf] of flattenWatched(value, metaName)) {
      const v = metricValue(leaf);
      if (v !== null) this.metrics.push({ key: mlflowKey(key), value: v, timestamp, step });
    }
    if (this.metrics.length >= this.settings.flushEvery) void this.flush();
  }

  query(key: string): unknown {
    return this.memory.query(key);
  }

  watchConfig(config: Record<string, unknown>, prefix: string): void {
    this.memory.watchConfig(config, prefix);
    for (const [k, v] of Object.entries(config)) {
      const key = mlflowKey(`${prefix}.${k}`);
      const value = paramValue(v);
      const prior = this.logged.get(key);
      if (prior === value) continue;
      if (prior === undefined) {
        this.logged.set(key, value);
        this.params.push({ key, value });
      } else {
        // MLflow params are write-once; a changed value (a later iteration's update) is kept as a tag.
        this.tags.push({ key: `dj.updated.${key}`, value: paramValue(v, MLFLOW_LIMITS.tagValue) });
      }
    }
    void this.flush();
  }

  history(): readonly TrackedMetric[] {
    return this.memory.history();
  }

  /** Sends everything buffered; resolves when MLflow has it (or the failure is recorded). */
  flush(): Promise<void> {
    const metrics = this.metrics;
    const params = this.params;
    const tags = this.tags;
    this.metrics = [];
    this.params = [];
    this.tags = [];
    for (const batch of chunks(params, MLFLOW_LIMITS.paramsPerBatch)) {
      this.enqueue((run) => this.client.logBatch(run.run_id, { params: batch }));
    }
    for (const batch of chunks(tags, MLFLOW_LIMITS.tagsPerBatch)) {
      this.enqueue((run) => this.client.logBatch(run.run_id, { tags: batch }));
    }
    for (const batch of chunks(metrics, MLFLOW_LIMITS.metricsPerBatch)) {
      this.enqueue((run) => this.client.logBatch(run.run_id, { metrics: batch }));
    }
    return this.queue;
  }

  /**
   * Uploads a file as an artifact under `artifactDir`: through the server's `mlflow-artifacts` proxy when the run's
   * artifact URI is `mlflow-artifacts:/...`, or by copying when it is a local path (a server on this machine).
   */
  logArtifact(localPath: string, artifactDir = ''): Promise<void> {
    return this.enqueue(async (run) => {
      const uri = run.artifact_uri;
      const name = basename(localPath);
      if (uri.startsWith('mlflow-artifacts:')) {
        const root = uri.replace(/^mlflow-artifacts:(\/\/[^/]*)?/, '');
        await this.client.uploadArtifact(`${root}/${artifactDir}/${name}`, await readFile(localPath));
        return;
      }
      const local = uri.startsWith('file:') ? fileURLToPath(uri) : uri.startsWith('/') ? uri : null;
      if (local === null) {
        this.logger.warn(`MLflow: artifact ${name} not uploaded: the run's artifact store ${uri} is not proxied`, {
          fix: 'Start the server with --serve-artifacts and give the experiment an mlflow-artifacts:/ location.',
        });
        return;
      }
      const target = join(local, artifactDir, name);
      await mkdir(dirname(target), { recursive: true });
      await copyFile(localPath, target);
    });
  }

  /**
   * Flushes, uploads the configured work-dir files, ends the MLflow run with its status, and rejects if any request
   * failed on the way. Calling it again returns the same promise.
   */
  close(): Promise<void> {
    this.closing ??= this.finish();
    return this.closing;
  }

  private async finish(): Promise<void> {
    await this.flush();
    const { workDir, artifacts } = this.settings;
    if (workDir) {
      for (const file of artifacts) {
        const path = join(workDir, file);
        if (existsSync(path)) await this.logArtifact(path, dirname(file) === '.' ? '' : dirname(file));
      }
    }
    await this.enqueue((run) => this.client.updateRun(run.run_id, this.status));
    if (this.failures.size > 0) {
      const [first] = this.failures.values();
      throw jobError(
        'mlflow-tracking-failed',
        `${this.failures.size} MLflow request${this.failures.size === 1 ? '' : 's'} failed; the first: ${first!.message}`,
        {
          plugin: 'tracker-mlflow',
          expected: 'every metric, param and artifact logged',
          received: [...this.failures.keys()],
          fix: 'Check that the MLflow server is up and reachable, then look at its log.',
        },
        first,
      );
    }
  }
}
